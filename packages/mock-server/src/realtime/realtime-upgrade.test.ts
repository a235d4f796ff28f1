import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import { startMockServer } from '../start-mock-server'
import type { MockServer } from '../types'

let server: MockServer
beforeAll(async () => {
  server = await startMockServer()
})
afterAll(() => server.close())
beforeEach(() => server.reset())
afterEach(() => vi.useRealTimers())

const socketURL = (query = '?model=gpt-realtime', path = '/v1/realtime') =>
  `${server.url.replace('http', 'ws')}${path}${query}`

/** Opens a socket and resolves with its first event, or with the refused status and JSON body. */
function connect(url: string, protocols: string[] = [], headers: Record<string, string> = {}) {
  return new Promise<{ ws: WebSocket; first: any } | { status: number; body: any }>((resolve, reject) => {
    const ws = new WebSocket(url, protocols, { headers })
    ws.once('message', (data) => resolve({ ws, first: JSON.parse(String(data)) }))
    ws.once('unexpected-response', (_req, res) => {
      let text = ''
      res.on('data', (chunk) => {
        text += chunk
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }))
    })
    ws.once('error', reject)
  })
}

describe('the /v1/realtime WebSocket', () => {
  it('accepts a bearer header, records the upgrade and starts with session.created', async () => {
    const result = await connect(socketURL(), [], { authorization: 'Bearer sk-test' })
    if (!('ws' in result)) throw new Error(`refused with ${result.status}`)
    expect(result.first).toMatchObject({
      type: 'session.created',
      event_id: expect.stringMatching(/^event_mock_\d{4}$/),
      session: {
        type: 'realtime',
        object: 'realtime.session',
        model: 'gpt-realtime',
        output_modalities: ['audio'],
      },
    })
    expect(result.ws.protocol).toBe('')
    result.ws.close()
    expect(server.requests[0]).toMatchObject({
      method: 'GET',
      path: '/v1/realtime',
      query: { model: 'gpt-realtime' },
    })
  })

  it('accepts the browser subprotocol key and answers with the realtime subprotocol', async () => {
    const result = await connect(socketURL(), ['realtime', 'openai-insecure-api-key.ek_browser'])
    if (!('ws' in result)) throw new Error(`refused with ${result.status}`)
    expect(result.ws.protocol).toBe('realtime')
    result.ws.close()
  })

  it('refuses a missing key (401), a wrong path (404) and a missing target (400) with JSON errors', async () => {
    expect(await connect(socketURL())).toEqual({
      status: 401,
      body: {
        error: {
          message:
            'Missing credentials. Send "Authorization: Bearer <key>" or, from a browser, the subprotocols "realtime" and "openai-insecure-api-key.<key>".',
          type: 'authentication_error',
          param: null,
          code: 'invalid_api_key',
        },
      },
    })
    const auth = { authorization: 'Bearer sk-test' }
    expect(await connect(socketURL('', '/v1/realtime/x'), [], auth)).toMatchObject({
      status: 404,
      body: { error: { code: 'unknown_url' } },
    })
    expect(await connect(socketURL(''), [], auth)).toMatchObject({
      status: 400,
      body: { error: { param: 'model' } },
    })
    expect(await connect(socketURL('?intent=speech'), [], auth)).toMatchObject({
      status: 400,
      body: { error: { param: 'intent' } },
    })
  })

  it('plays queued faults on the upgrade: status with body, and reset', async () => {
    server.enqueueFault(
      { match: { path: '/v1/realtime' }, status: 503, body: { error: { message: 'busy' } } },
      { match: { path: '/v1/realtime' }, reset: true },
    )
    const auth = { authorization: 'Bearer sk-test' }
    expect(await connect(socketURL(), [], auth)).toEqual({
      status: 503,
      body: { error: { message: 'busy' } },
    })
    await expect(connect(socketURL(), [], auth)).rejects.toThrow(/socket hang up|ECONNRESET/)
  })

  it('accepts only ephemeral keys it issued and that have not expired', async () => {
    const response = await fetch(`${server.baseURL}/realtime/client_secrets`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' },
      body: JSON.stringify({
        expires_after: { anchor: 'created_at', seconds: 10 },
        session: { type: 'transcription' },
      }),
    })
    const { value } = await response.json()
    const fresh = await connect(socketURL('?intent=transcription'), [
      'realtime',
      `openai-insecure-api-key.${value}`,
    ])
    if (!('ws' in fresh)) throw new Error(`refused with ${fresh.status}`)
    expect(fresh.first.session.type).toBe('transcription')
    fresh.ws.close()
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() + 11_000)
    expect(await connect(socketURL(), ['realtime', `openai-insecure-api-key.${value}`])).toMatchObject({
      status: 401,
      body: {
        error: {
          message: 'The ephemeral key has expired: create a new one with POST /v1/realtime/client_secrets.',
        },
      },
    })
    expect(await connect(socketURL(), ['realtime', 'openai-insecure-api-key.ek_mock_9999'])).toMatchObject({
      status: 401,
      body: { error: { message: 'Unknown ephemeral key: the mock server did not issue it.' } },
    })
  })

  it('drops open sockets when the server closes, so close() does not hang', async () => {
    const own = await startMockServer({ requireAuth: false })
    const result = await connect(`${own.url.replace('http', 'ws')}/v1/realtime?model=m`)
    if (!('ws' in result)) throw new Error(`refused with ${result.status}`)
    const closed = new Promise<number>((resolve) => result.ws.once('close', resolve))
    await own.close()
    expect(await closed).toBe(1006)
  })
})
