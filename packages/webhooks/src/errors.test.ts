import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { describe, expect, test, vi } from 'vitest'
import { InvalidWebhookSignatureError } from './errors'

type WebhooksModule = typeof import('./index')

/** A CommonJS copy of the package, bundled from the sources and evaluated as CJS, like a `require()` next to an `import`. */
async function loadCommonJsCopy(): Promise<WebhooksModule> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./index.ts', import.meta.url))],
    bundle: true,
    format: 'cjs',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  })
  const module = { exports: {} as WebhooksModule }
  new Function('module', 'exports', result.outputFiles[0].text)(module, module.exports)
  return module.exports
}

describe('InvalidWebhookSignatureError', () => {
  test('is an Error with its own name and the message given', () => {
    const error = new InvalidWebhookSignatureError('Webhook timestamp is too old')
    expect(error).toBeInstanceOf(Error)
    expect(error).toBeInstanceOf(InvalidWebhookSignatureError)
    expect(error.name).toBe('InvalidWebhookSignatureError')
    expect(error.message).toBe('Webhook timestamp is too old')
    expect(String(error)).toBe('InvalidWebhookSignatureError: Webhook timestamp is too old')
  })

  test('keeps its own class name once bundled (no `_InvalidWebhookSignatureError` in traces)', async () => {
    const copy = await loadCommonJsCopy()
    expect(copy.InvalidWebhookSignatureError.name).toBe('InvalidWebhookSignatureError')
    expect(new copy.InvalidWebhookSignatureError('x').constructor.name).toBe('InvalidWebhookSignatureError')
  })

  test('keeps its brand out of enumeration and JSON', () => {
    const error = new InvalidWebhookSignatureError('x')
    expect(Object.keys(error)).toEqual(['name'])
    expect(Object.getOwnPropertySymbols(error).map((s) => s.description)).toEqual([
      '@acme/openai-webhooks/InvalidWebhookSignatureError',
    ])
    expect(Object.getOwnPropertyDescriptor(error, Object.getOwnPropertySymbols(error)[0])?.enumerable).toBe(
      false,
    )
  })

  test('does not match other errors or non-objects', () => {
    expect(new Error('x') instanceof InvalidWebhookSignatureError).toBe(false)
    expect(new TypeError('x') instanceof InvalidWebhookSignatureError).toBe(false)
    expect((null as any) instanceof InvalidWebhookSignatureError).toBe(false)
    expect(('InvalidWebhookSignatureError' as any) instanceof InvalidWebhookSignatureError).toBe(false)
    expect({ name: 'InvalidWebhookSignatureError' } instanceof InvalidWebhookSignatureError).toBe(false)
  })

  test('a subclass keeps ordinary instanceof semantics', () => {
    class ReplayedWebhookError extends InvalidWebhookSignatureError {}
    expect(new ReplayedWebhookError('x') instanceof InvalidWebhookSignatureError).toBe(true)
    expect(new ReplayedWebhookError('x') instanceof ReplayedWebhookError).toBe(true)
    expect(new InvalidWebhookSignatureError('x') instanceof ReplayedWebhookError).toBe(false)
  })

  test('instanceof holds across a second ESM instance of the module', async () => {
    vi.resetModules()
    const other: typeof import('./errors') = await import('./errors')
    expect(other.InvalidWebhookSignatureError).not.toBe(InvalidWebhookSignatureError)
    expect(new other.InvalidWebhookSignatureError('x') instanceof InvalidWebhookSignatureError).toBe(true)
    expect(new InvalidWebhookSignatureError('x') instanceof other.InvalidWebhookSignatureError).toBe(true)
  })

  test('instanceof holds between the ESM sources and a CommonJS copy, both ways', async () => {
    const cjs = await loadCommonJsCopy()
    expect(cjs.InvalidWebhookSignatureError).not.toBe(InvalidWebhookSignatureError)
    const fromCjs = await cjs
      .verifyWebhookSignature(
        '{}',
        { 'webhook-id': 'wh_1', 'webhook-timestamp': 'x', 'webhook-signature': 'v1,' },
        {
          secret: 'whsec_eA==',
        },
      )
      .catch((error: unknown) => error)
    expect(fromCjs instanceof InvalidWebhookSignatureError).toBe(true)
    expect((fromCjs as Error).message).toBe('Invalid webhook timestamp format')
    expect(new InvalidWebhookSignatureError('x') instanceof cjs.InvalidWebhookSignatureError).toBe(true)
    expect(new Error('x') instanceof cjs.InvalidWebhookSignatureError).toBe(false)
  })
})
