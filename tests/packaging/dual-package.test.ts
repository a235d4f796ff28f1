// The built ESM and CJS copies of core loaded side by side (the dual-package hazard): instanceof must hold both ways.
// Runs against dist/, so `pnpm test` builds first.
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'

const require = createRequire(import.meta.url)
const esm = await import('../../packages/core/dist/index.js')
const cjs = require('../../packages/core/dist/index.cjs')

describe('core loaded as ESM and as CJS at once', () => {
  it('the two copies are really distinct', () => {
    expect(esm.RateLimitError).not.toBe(cjs.RateLimitError)
  })

  it('errors from one copy are instances of the other copy’s classes', () => {
    const fromCjs = cjs.makeAPIError(429, { message: 'slow down' }, undefined, new Headers())
    expect(fromCjs).toBeInstanceOf(esm.RateLimitError)
    expect(fromCjs).toBeInstanceOf(esm.APIError)
    expect(fromCjs).toBeInstanceOf(esm.OpenAIError)
    expect(fromCjs).not.toBeInstanceOf(esm.NotFoundError)
    const fromEsm = new esm.APIConnectionTimeoutError()
    expect(fromEsm).toBeInstanceOf(cjs.APIConnectionError)
    expect(fromEsm).toBeInstanceOf(cjs.APIConnectionTimeoutError)
    expect(fromEsm).not.toBeInstanceOf(cjs.APIUserAbortError)
  })
})
