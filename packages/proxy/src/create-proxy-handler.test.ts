import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createClient } from '@acme/openai-core'
import { type MockServer, startMockServer } from '@acme/openai-mock'
import { createResponse } from '@acme/openai-responses'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createProxyHandler } from './create-proxy-handler'
import { toNodeListener } from './node/to-node-listener'
import type { ProxyLogEntry } from './types'

const KEY = 'sk-proxy-secret-0123456789'
let mock: MockServer
let logs: ProxyLogEntry[]

beforeAll(async () => {
  mock = await startMockServer()
})
afterAll(() => mock.close())
beforeEach(() => {
  mock.reset()
  logs = []
})

const handlerFor = (extra: Partial<Parameters<typeof createProxyHandler>[0]> = {}) =>
  createProxyHandler({
    apiKey: KEY,
    baseURL: mock.baseURL,
    allow: ['createResponse', 'retrieveResponse'],
    log: (entry) => logs.push(entry),
    ...extra,
  })
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  new Request(`http://proxy.test${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
/** Everything a page could see of a response: status, headers and body. */
const seen = async (response: Response) =>
  `${response.status} ${JSON.stringify([...response.headers])} ${await response.text()}`

describe('createProxyHandler', () => {
  it('adds its key, drops the page’s Authorization and cookies, and returns the answer', async () => {
    const response = await handlerFor()(
      post(
        '/v1/responses',
        { model: 'gpt-5.4', input: 'Hello' },
        { authorization: 'Bearer page', cookie: 'a=b' },
      ),
    )
    expect(response.status).toBe(200)
    expect(((await response.json()) as { object: string }).object).toBe('response')
    expect(response.headers.get('x-request-id')).toMatch(/^req_/)
    expect(mock.requests[0].headers.authorization).toBe(`Bearer ${KEY}`)
    expect(mock.requests[0].headers.cookie).toBeUndefined()
    expect(logs).toEqual([{ method: 'POST', path: '/responses', operation: 'createResponse', status: 200 }])
  })

  it('refuses an operation the app did not list, and path tricks around a listed one', async () => {
    const handler = handlerFor()
    const files = await handler(post('/v1/files', {}))
    expect(files.status).toBe(403)
    expect(await files.text()).toContain(
      'does not allow POST /files. Allowed: createResponse, retrieveResponse',
    )
    for (const path of ['/v1/responses/x/../../files', '/v1/responses/..%2Ffiles', '/v1//responses'])
      expect((await handler(new Request(`http://proxy.test${path}`))).status, path).toBe(403)
    expect((await handler(new Request('http://proxy.test/admin'))).status).toBe(404)
    expect(mock.requests).toHaveLength(0)
  })

  it('forwards a multipart upload of a named operation (a provenance check of an image)', async () => {
    const handler = handlerFor({ allow: ['createContentProvenanceCheck'] })
    const form = new FormData()
    form.append('file', new File([new Uint8Array([137, 80, 78, 71])], 'a.png', { type: 'image/png' }))
    const response = await handler(
      new Request('http://proxy.test/v1/content_provenance_checks', { method: 'POST', body: form }),
    )
    expect(response.status).toBe(200)
    expect(((await response.json()) as { object: string }).object).toBe('content_provenance_check')
    expect((await handler(new Request('http://proxy.test/v1/content_provenance_checks'))).status).toBe(403)
  })

  it('accepts { method, path } rules with :params', async () => {
    const handler = handlerFor({ allow: [{ method: 'get', path: '/models/:model' }] })
    const response = await handler(new Request('http://proxy.test/v1/models/gpt-5.4'))
    expect(response.status).toBe(200)
    expect((await handler(new Request('http://proxy.test/v1/models'))).status).toBe(403)
  })

  it('caps the body, by content-length and while reading a body without one', async () => {
    const handler = handlerFor({ maxBodyBytes: 100 })
    const big = await handler(post('/v1/responses', { model: 'm', input: 'x'.repeat(200) }))
    expect(big.status).toBe(413)
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 5; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(40)))
        controller.close()
      },
    })
    const streamed = await handler(
      new Request('http://proxy.test/v1/responses', {
        method: 'POST',
        body: chunks,
        duplex: 'half',
      } as RequestInit),
    )
    expect(streamed.status).toBe(413)
    expect(mock.requests).toHaveLength(0)
  })

  it('answers CORS preflights for allowed origins only, with the methods and headers it forwards', async () => {
    const handler = handlerFor({ allowOrigins: ['https://app.example'] })
    const preflight = await handler(
      new Request('http://proxy.test/v1/responses', {
        method: 'OPTIONS',
        headers: {
          origin: 'https://app.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, x-stainless-retry-count, x-evil',
        },
      }),
    )
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://app.example')
    expect(preflight.headers.get('access-control-allow-methods')).toBe('POST, GET')
    expect(preflight.headers.get('access-control-allow-headers')).toBe(
      'content-type, x-stainless-retry-count',
    )
    const allowed = await handler(
      post('/v1/responses', { model: 'm', input: 'hi' }, { origin: 'https://app.example' }),
    )
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example')
    const other = await handler(
      post('/v1/responses', { model: 'm', input: 'hi' }, { origin: 'https://evil.example' }),
    )
    expect(other.status).toBe(403)
    const same = await handler(
      post('/v1/responses', { model: 'm', input: 'hi' }, { origin: 'http://proxy.test' }),
    )
    expect(same.status).toBe(200)
    expect(same.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('streams SSE through as it arrives: the first event reaches the page before the upstream sends the second', async () => {
    let push!: (text: string) => void
    let end!: () => void
    const upstreamBody = new ReadableStream<Uint8Array>({
      start(controller) {
        push = (text) => controller.enqueue(new TextEncoder().encode(text))
        end = () => controller.close()
      },
    })
    const handler = createProxyHandler({
      apiKey: KEY,
      allow: ['createResponse'],
      fetch: async () => new Response(upstreamBody, { headers: { 'content-type': 'text/event-stream' } }),
    })
    push('data: {"n":1}\n\n')
    const response = await handler(post('/v1/responses', { stream: true }))
    expect(response.headers.get('content-type')).toBe('text/event-stream')
    const reader = (response.body as ReadableStream<Uint8Array>).getReader()
    // The upstream has not ended: a buffering proxy could not give us this chunk yet.
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('data: {"n":1}\n\n')
    push('data: {"n":2}\n\n')
    end()
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('data: {"n":2}\n\n')
    expect((await reader.read()).done).toBe(true)
  })

  it('never reveals the key: upstream errors quoting it, a failing key function, an unreachable API, the logs', async () => {
    const quoting = createProxyHandler({
      apiKey: KEY,
      allow: ['createResponse'],
      log: (entry) => logs.push(entry),
      fetch: async () =>
        new Response(
          JSON.stringify({
            error: { message: `Incorrect API key provided: ${KEY}. Also sk-proj-****abcd.` },
          }),
          { status: 401, headers: { 'content-type': 'application/json', 'x-echo': KEY } },
        ),
    })
    const echoed = await seen(await quoting(post('/v1/responses', {})))
    expect(echoed).toContain('401')
    expect(echoed).toContain('Incorrect API key provided: [redacted]')
    expect(echoed).not.toContain(KEY)
    expect(echoed).not.toContain('****abcd')

    const failingKey = createProxyHandler({
      apiKey: () => {
        throw new Error(`vault said ${KEY}`)
      },
      allow: ['createResponse'],
    })
    const keyError = await seen(await failingKey(post('/v1/responses', {})))
    expect(keyError).toContain('could not get its API key')
    expect(keyError).not.toContain(KEY)

    const unreachable = createProxyHandler({
      apiKey: KEY,
      allow: ['createResponse'],
      baseURL: 'http://127.0.0.1:9/v1',
    })
    const gone = await seen(await unreachable(post('/v1/responses', {})))
    expect(gone).toContain('502')
    expect(gone).not.toContain(KEY)
    expect(JSON.stringify(logs)).not.toContain(KEY)
    expect(logs.length).toBeGreaterThan(0)
  })

  it('refuses to start without a key or an allow list, without echoing what it got', () => {
    expect(() => createProxyHandler({ apiKey: undefined as never, allow: ['createResponse'] })).toThrow(
      /apiKey/,
    )
    expect(() => createProxyHandler({ apiKey: KEY, allow: [] })).toThrow(/allow/)
    expect(() => createProxyHandler({ apiKey: KEY, allow: ['createFile' as never] })).toThrow(
      /Unknown operation "createFile"/,
    )
  })
})

describe('toNodeListener', () => {
  it('serves the handler on node:http: a keyless client streams an answer through it', async () => {
    const server = createServer(toNodeListener(handlerFor()))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = server.address() as AddressInfo
      const client = createClient({
        baseURL: `http://127.0.0.1:${port}/v1`,
        apiKey: 'unused-by-proxy',
        maxRetries: 0,
      })
      const stream = await createResponse(client, { model: 'gpt-5.4', input: 'Hello', stream: true })
      const types: string[] = []
      for await (const event of stream) types.push(event.type)
      expect(types[0]).toBe('response.created')
      expect(types.at(-1)).toBe('response.completed')
      expect(types).toContain('response.output_text.delta')
      expect(mock.requests[0].headers.authorization).toBe(`Bearer ${KEY}`)
    } finally {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })
})
