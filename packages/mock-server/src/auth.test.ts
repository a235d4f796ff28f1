import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasBearerToken } from './auth'
import { startMockServer } from './start-mock-server'
import type { MockServer } from './types'

const invalidKey = {
  error: {
    message:
      'Incorrect API key provided. The mock server accepts any non-empty key: send the header "Authorization: Bearer <key>".',
    type: 'invalid_request_error',
    param: null,
    code: 'invalid_api_key',
  },
}

describe('auth', () => {
  let server: MockServer
  let open: MockServer
  beforeAll(async () => {
    server = await startMockServer()
    open = await startMockServer({ requireAuth: false })
  })
  afterAll(() => Promise.all([server.close(), open.close()]))

  it.each([
    ['no header', {}],
    ['an empty bearer token', { authorization: 'Bearer ' }],
    ['another scheme', { authorization: 'Basic c2stc2VjcmV0' }],
  ])('answers 401 invalid_api_key for %s, never echoing the credential', async (_, headers) => {
    const res = await fetch(`${server.baseURL}/models`, { headers })
    expect(res.status).toBe(401)
    const text = await res.text()
    expect(JSON.parse(text)).toEqual(invalidKey)
    expect(text).not.toContain('c2stc2VjcmV0')
    expect(res.headers.get('x-request-id')).toMatch(/^req_/)
  })

  it('accepts any non-empty bearer token', async () => {
    const res = await fetch(`${server.baseURL}/models`, { headers: { authorization: 'bearer sk-anything' } })
    expect(res.status).toBe(200)
    await res.arrayBuffer()
  })

  it('does not guard paths outside /v1', async () => {
    const res = await fetch(`${server.url}/other`)
    expect(res.status).toBe(404)
    await res.arrayBuffer()
  })

  it('requireAuth: false lets requests without a key through', async () => {
    const res = await fetch(`${open.baseURL}/models`)
    expect(res.status).toBe(200)
    await res.arrayBuffer()
  })

  it('hasBearerToken wants "Bearer" and a non-blank token', () => {
    expect(hasBearerToken({ authorization: 'Bearer x' })).toBe(true)
    expect(hasBearerToken({ authorization: 'Bearer    ' })).toBe(false)
    expect(hasBearerToken({ authorization: 'Bearerx' })).toBe(false)
    expect(hasBearerToken({})).toBe(false)
  })
})
