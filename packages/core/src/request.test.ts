// Over 300 lines on purpose: every behaviour of the request pipeline, sharing the scripted-fetch fixture below.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { type ClientOptions, createClient } from './client'
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  OpenAIError,
  RateLimitError,
} from './errors'
import { request } from './request'

type Step = Response | Error | ((init: RequestInit) => Promise<Response> | Response)
interface Call {
  url: string
  init: RequestInit & { headers: Record<string, string> }
}

/** A fetch that plays `steps` in order and records every call. */
function scriptedFetch(steps: Step[]) {
  const calls: Call[] = []
  const fetch = async (url: string, init: any) => {
    calls.push({ url, init })
    const step = steps[Math.min(calls.length - 1, steps.length - 1)]
    if (step instanceof Error) throw step
    return typeof step === 'function' ? step(init) : step.clone()
  }
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls }
}

// Hooks and failures load their code on first use (a dynamic import, which fake timers cannot wait for): load it
// before any test takes over the timers.
beforeAll(async () => {
  await import('./call-slow-path')
})

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })

function client(steps: Step[], options: ClientOptions = {}) {
  const f = scriptedFetch(steps)
  return {
    ...f,
    client: createClient({
      apiKey: 'sk-test-1234567890',
      baseURL: 'http://127.0.0.1:9/v1',
      fetch: f.fetch,
      ...options,
    }),
  }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('request building', () => {
  it('sends method, URL, auth, JSON body and the default headers', async () => {
    const { client: c, calls } = client([json({ ok: true })], { organization: 'org_1', project: 'proj_1' })
    const data = await request<{ ok: boolean }>(c, {
      method: 'post',
      path: '/things',
      body: { a: 1 },
      query: { x: [1, 2] },
    })
    expect(data).toEqual({ ok: true })
    const { url, init } = calls[0]
    expect(url).toBe('http://127.0.0.1:9/v1/things?x%5B%5D=1&x%5B%5D=2')
    expect(init.method).toBe('POST')
    expect(init.body).toBe('{"a":1}')
    expect(init.headers).toMatchObject({
      accept: 'application/json',
      authorization: 'Bearer sk-test-1234567890',
      'content-type': 'application/json',
      'openai-organization': 'org_1',
      'openai-project': 'proj_1',
    })
    expect(init.headers['user-agent']).toMatch(/^acme-openai\//)
  })

  it('layers headers: defaults, then defaultHeaders (null removes), then request headers', async () => {
    const { client: c, calls } = client([json({})], {
      defaultHeaders: { 'X-Team': 'a', 'User-Agent': null, Accept: 'text/plain' },
    })
    await request(c, { method: 'get', path: '/x', headers: { 'x-team': 'b', 'X-Extra': undefined } })
    const h = calls[0].init.headers
    expect(h['x-team']).toBe('b')
    expect(h.accept).toBe('text/plain')
    expect('user-agent' in h).toBe(false)
    expect('x-extra' in h).toBe(false)
  })

  it('merges defaultQuery under the request query; undefined removes a default', async () => {
    const { client: c, calls } = client([json({})], { defaultQuery: { 'api-version': '1', keep: 'y' } })
    await request(c, { method: 'get', path: '/x', query: { 'api-version': undefined, a: 'b' } })
    expect(calls[0].url).toBe('http://127.0.0.1:9/v1/x?keep=y&a=b')
  })

  it('joins base URLs with and without a trailing slash, and keeps absolute paths', async () => {
    for (const baseURL of ['http://h.test/custom/path', 'http://h.test/custom/path/']) {
      const { client: c, calls } = client([json({})], { baseURL })
      await request(c, { method: 'get', path: '/foo' })
      expect(calls[0].url).toBe('http://h.test/custom/path/foo')
    }
    const { client: c, calls } = client([json({})])
    await request(c, { method: 'get', path: 'https://other.test/a' })
    expect(calls[0].url).toBe('https://other.test/a')
  })

  it('sends binary, FormData and streams as they are, strings verbatim with a content type', async () => {
    const { client: c, calls } = client([json({})])
    const bytes = new Uint8Array([1, 2, 3])
    await request(c, { method: 'post', path: '/b', body: bytes })
    expect(calls[0].init.body).toBe(bytes)
    expect(calls[0].init.headers['content-type']).toBeUndefined()
    await request(c, { method: 'post', path: '/s', body: 'a,b', headers: { 'content-type': 'text/csv' } })
    expect(calls[1].init.body).toBe('a,b')
    expect(calls[1].init.headers['content-type']).toBe('text/csv')
    await request(c, {
      method: 'post',
      path: '/f',
      body: { search: 'hello world', limit: 2 },
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(calls[2].init.body).toBe('search=hello%20world&limit=2')
  })

  it('sends Idempotency-Key only when given, identical on every attempt', async () => {
    const { client: c, calls } = client([json({}, 500, { 'retry-after-ms': '0' }), json({})])
    await request(c, { method: 'post', path: '/x', body: {}, idempotencyKey: 'idem-1' })
    expect(calls.map((k) => k.init.headers['idempotency-key'])).toEqual(['idem-1', 'idem-1'])
    await request(c, { method: 'post', path: '/x', body: {} })
    expect(calls[2].init.headers['idempotency-key']).toBeUndefined()
  })

  it('calls an apiKey function before every attempt', async () => {
    let n = 0
    const { client: c, calls } = client([json({}, 500, { 'retry-after-ms': '0' }), json({})], {
      apiKey: async () => `token-${n++}`,
    })
    await request(c, { method: 'get', path: '/x' })
    expect(calls.map((k) => k.init.headers.authorization)).toEqual(['Bearer token-0', 'Bearer token-1'])
  })

  it('explains a failing or empty apiKey function', async () => {
    const bad = client([json({})], {
      apiKey: async () => {
        throw new Error('vault down')
      },
    })
    await expect(request(bad.client, { method: 'get', path: '/x' })).rejects.toThrow(
      "Failed to get token from 'apiKey' function: vault down",
    )
    const empty = client([json({})], { apiKey: async () => '' })
    await expect(request(empty.client, { method: 'get', path: '/x' })).rejects.toThrow(
      "Expected 'apiKey' function argument to return a string but it returned an empty string",
    )
    expect(bad.calls.length + empty.calls.length).toBe(0)
  })

  it('validates a per-request timeout', async () => {
    const { client: c } = client([json({})])
    await expect(request(c, { method: 'get', path: '/x', timeout: 1.5 })).rejects.toThrow(OpenAIError)
  })
})

describe('response parsing', () => {
  it('hides _request_id on objects and exposes the raw response', async () => {
    const { client: c } = client([json({ id: 'x' }, 200, { 'x-request-id': 'req_1' })])
    const { data, response, request_id } = await request<any>(c, { method: 'get', path: '/x' }).withResponse()
    expect(data._request_id).toBe('req_1')
    expect(Object.keys(data)).toEqual(['id'])
    expect(JSON.stringify(data)).toBe('{"id":"x"}')
    expect(response.status).toBe(200)
    expect(request_id).toBe('req_1')
  })

  it('handles 204, +json, empty JSON, primitives and text', async () => {
    const { client: c } = client([
      new Response(null, { status: 204 }),
      new Response('{"a":1}', { headers: { 'content-type': 'application/problem+json' } }),
      new Response('', { headers: { 'content-type': 'application/json' } }),
      new Response('false', { headers: { 'content-type': 'application/json; charset=utf-8' } }),
      new Response('plain', { headers: { 'content-type': 'text/plain' } }),
    ])
    const get = () => request(c, { method: 'get', path: '/x' })
    expect(await get()).toBeNull()
    expect(await get()).toEqual({ a: 1 })
    expect(await get()).toBeUndefined()
    expect(await get()).toBe(false)
    expect(await get()).toBe('plain')
  })

  it('rejects malformed JSON with a SyntaxError', async () => {
    const { client: c } = client([new Response('{nope', { headers: { 'content-type': 'application/json' } })])
    await expect(request(c, { method: 'get', path: '/x' })).rejects.toBeInstanceOf(SyntaxError)
  })

  it('turns error bodies into typed errors', async () => {
    const { client: c } = client([
      json({ error: { message: 'boom', type: 'server_error', code: 'x' } }, 400, { 'x-request-id': 'req_9' }),
      new Response('plain oops', { status: 404 }),
      json({ message: 'no wrapper' }, 400),
    ])
    const err = await request<any>(c, { method: 'get', path: '/x' }).catch((e: any) => e)
    expect(err).toBeInstanceOf(BadRequestError)
    expect([err.message, err.requestID, err.code]).toEqual(['400 boom', 'req_9', 'x'])
    expect((await request<any>(c, { method: 'get', path: '/x' }).catch((e: any) => e)).message).toBe(
      '404 plain oops',
    )
    expect((await request<any>(c, { method: 'get', path: '/x' }).catch((e: any) => e)).message).toBe(
      '400 no wrapper',
    )
  })

  it('never echoes a key found in an error body', async () => {
    const { client: c } = client([new Response('bad key sk-live-abcdefghijklmnop', { status: 400 })])
    const err = await request<any>(c, { method: 'get', path: '/x' }).catch((e: any) => e)
    expect(err.message).not.toContain('abcdefghijklmnop')
  })
})

describe('retries', () => {
  const status = (code: number, headers: Record<string, string> = {}) =>
    json({ error: { message: `s${code}` } }, code, { 'retry-after-ms': '0', ...headers })

  it.each([408, 409, 429, 500, 502, 503])('retries %i', async (code) => {
    const { client: c, calls } = client([status(code), json({ ok: 1 })], { maxRetries: 1 })
    expect(await request(c, { method: 'post', path: '/x', body: {} })).toEqual({ ok: 1 })
    expect(calls.length).toBe(2)
  })

  it.each([400, 401, 403, 404, 422])('does not retry %i', async (code) => {
    const { client: c, calls } = client([status(code), json({})], { maxRetries: 1 })
    await expect(request(c, { method: 'get', path: '/x' })).rejects.toMatchObject({ status: code })
    expect(calls.length).toBe(1)
  })

  it('lets x-should-retry override the status', async () => {
    const a = client([status(400, { 'x-should-retry': 'true' }), json({})], { maxRetries: 1 })
    await request(a.client, { method: 'get', path: '/x' })
    expect(a.calls.length).toBe(2)
    const b = client([status(500, { 'x-should-retry': 'false' }), json({})], { maxRetries: 1 })
    await expect(request(b.client, { method: 'get', path: '/x' })).rejects.toBeInstanceOf(InternalServerError)
    expect(b.calls.length).toBe(1)
  })

  it('makes 1 + maxRetries attempts, per-request maxRetries wins', async () => {
    const a = client([status(503)])
    await expect(request(a.client, { method: 'get', path: '/x' })).rejects.toBeInstanceOf(InternalServerError)
    expect(a.calls.length).toBe(3)
    const b = client([status(503)])
    await expect(request(b.client, { method: 'get', path: '/x', maxRetries: 0 })).rejects.toBeInstanceOf(
      InternalServerError,
    )
    expect(b.calls.length).toBe(1)
  })

  it('never retries a streaming request body', async () => {
    const { client: c, calls } = client([status(429), json({})])
    const body = new ReadableStream({
      start(ctrl) {
        ctrl.enqueue(new Uint8Array([1]))
        ctrl.close()
      },
    })
    await expect(request(c, { method: 'post', path: '/x', body })).rejects.toBeInstanceOf(RateLimitError)
    expect(calls.length).toBe(1)
  })

  it('retries connection errors and keeps the cause', async () => {
    const cause = new TypeError('fetch failed')
    const { client: c, calls } = client([cause])
    vi.useFakeTimers()
    const p = request<any>(c, { method: 'get', path: '/x' }).catch((e: any) => e)
    await vi.runAllTimersAsync()
    const err = await p
    expect(err).toBeInstanceOf(APIConnectionError)
    expect(err).not.toBeInstanceOf(APIConnectionTimeoutError)
    expect(err.cause).toBe(cause)
    expect(calls.length).toBe(3)
  })

  it('waits the backoff schedule: about 0.5 s then 1 s, with jitter', async () => {
    const delays: number[] = []
    const { client: c } = client([json({}, 500), json({}, 500), json({})], {
      hooks: { onRetry: (i) => delays.push(i.delayMs) },
    })
    vi.useFakeTimers()
    const p = request(c, { method: 'get', path: '/x' })
    await vi.runAllTimersAsync()
    await p
    expect(delays.length).toBe(2)
    expect(delays[0]).toBeGreaterThan(375)
    expect(delays[0]).toBeLessThanOrEqual(500)
    expect(delays[1]).toBeGreaterThan(750)
    expect(delays[1]).toBeLessThanOrEqual(1000)
  })

  it('honours retry-after seconds', async () => {
    const delays: number[] = []
    const { client: c } = client([json({}, 429, { 'retry-after': '2' }), json({})], {
      hooks: { onRetry: (i) => delays.push(i.delayMs) },
    })
    vi.useFakeTimers()
    const p = request(c, { method: 'get', path: '/x' })
    await vi.runAllTimersAsync()
    await p
    expect(delays).toEqual([2000])
  })

  it('retries a timed-out attempt, then gives up with APIConnectionTimeoutError', async () => {
    const hang = (init: RequestInit) =>
      new Promise<Response>((_, reject) => {
        init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))
      })
    const ok = client([hang, json({ ok: true })], { timeout: 50 })
    vi.useFakeTimers()
    const p1 = request(ok.client, { method: 'get', path: '/x' })
    await vi.runAllTimersAsync()
    expect(await p1).toEqual({ ok: true })
    expect(ok.calls.length).toBe(2)
    const never = client([hang], { timeout: 50, maxRetries: 1 })
    const p2 = request<any>(never.client, { method: 'get', path: '/x' }).catch((e: any) => e)
    await vi.runAllTimersAsync()
    expect(await p2).toBeInstanceOf(APIConnectionTimeoutError)
    expect(never.calls.length).toBe(2)
  })
})

describe('abort', () => {
  it('never calls fetch with an already aborted signal', async () => {
    const { client: c, calls } = client([json({})])
    const ac = new AbortController()
    ac.abort(new Error('stop'))
    const err = await request<any>(c, { method: 'get', path: '/x', signal: ac.signal }).catch((e: any) => e)
    expect(err).toBeInstanceOf(APIUserAbortError)
    expect(err.message).toBe('Request was aborted.')
    expect(calls.length).toBe(0)
  })

  it('aborting during the request rejects once, without retrying', async () => {
    const ac = new AbortController()
    const { client: c, calls } = client([
      (init) =>
        new Promise((_, reject) => {
          init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))
          setTimeout(() => ac.abort(), 5)
        }),
    ])
    await expect(request(c, { method: 'get', path: '/x', signal: ac.signal })).rejects.toBeInstanceOf(
      APIUserAbortError,
    )
    expect(calls.length).toBe(1)
  })

  it('aborting during the retry sleep rejects with APIUserAbortError', async () => {
    const ac = new AbortController()
    const { client: c, calls } = client([json({}, 500, { 'retry-after': '30' })], {
      hooks: { onRetry: () => setTimeout(() => ac.abort(), 1) },
    })
    await expect(request(c, { method: 'get', path: '/x', signal: ac.signal })).rejects.toBeInstanceOf(
      APIUserAbortError,
    )
    expect(calls.length).toBe(1)
  })
})

describe('auth provider', () => {
  it('uses its headers and replays once after a 401 when it invalidates', async () => {
    let token = 'tok-a'
    const { calls, fetch } = scriptedFetch([json({}, 401), json({ ok: 1 })])
    const c = createClient({
      baseURL: 'http://127.0.0.1:9/v1',
      fetch,
      auth: {
        headers: () => ({ authorization: `Bearer ${token}` }),
        invalidate: () => {
          token = 'tok-b'
          return true
        },
      },
    })
    expect(await request(c, { method: 'get', path: '/x' })).toEqual({ ok: 1 })
    expect(calls.map((k) => k.init.headers.authorization)).toEqual(['Bearer tok-a', 'Bearer tok-b'])
  })

  it('replays only once', async () => {
    const { calls, fetch } = scriptedFetch([json({}, 401)])
    const c = createClient({
      baseURL: 'http://127.0.0.1:9/v1',
      fetch,
      auth: { headers: () => ({ authorization: 'Bearer t' }), invalidate: () => true },
    })
    await expect(request(c, { method: 'get', path: '/x' })).rejects.toBeInstanceOf(AuthenticationError)
    expect(calls.length).toBe(2)
  })

  it('cannot be combined with apiKey', () => {
    expect(() => createClient({ apiKey: 'sk-x', auth: { headers: () => ({}) } })).toThrow(
      /mutually exclusive/,
    )
  })
})

describe('hooks and logging', () => {
  it('reports attempts, timing and request ids without secrets', async () => {
    const events: string[] = []
    const seen: unknown[] = []
    const { client: c } = client(
      [
        json({}, 500, { 'retry-after-ms': '0', 'x-request-id': 'req_a' }),
        json({}, 200, { 'x-request-id': 'req_b' }),
      ],
      {
        hooks: {
          onRequest: (i) => events.push(`request ${i.attempt}`),
          onRetry: (i) => events.push(`retry ${i.attempt} ${i.status} ${i.requestID}`),
          onResponse: (i) => {
            events.push(`response ${i.attempt} ${i.status} ${i.requestID}`)
            seen.push(i)
          },
        },
      },
    )
    await request(c, { method: 'get', path: '/x', query: { api_key: 'sk-secret-value-123' } })
    expect(events).toEqual(['request 0', 'retry 0 500 req_a', 'request 1', 'response 1 200 req_b'])
    expect(JSON.stringify(seen)).not.toContain('sk-secret-value-123')
    expect(JSON.stringify(seen)).toContain('api_key=***')
  })

  it('ignores a throwing hook', async () => {
    const { client: c } = client([json({ ok: 1 })], {
      logLevel: 'off',
      hooks: {
        onRequest: () => {
          throw new Error('bad hook')
        },
      },
    })
    expect(await request(c, { method: 'get', path: '/x' })).toEqual({ ok: 1 })
  })

  it('logs one info line per outcome and never the key', async () => {
    const lines: string[] = []
    const logger = {
      error: (...a: unknown[]) => lines.push(a.map(String).join(' ')),
      warn: (...a: unknown[]) => lines.push(a.map(String).join(' ')),
      info: (...a: unknown[]) => lines.push(a.map(String).join(' ')),
      debug: (...a: unknown[]) => lines.push(a.map(String).join(' ')),
    }
    const { client: c } = client(
      [json({}, 429, { 'retry-after-ms': '0' }), json({}, 200, { 'x-request-id': 'req_z' })],
      {
        logger,
        logLevel: 'debug',
        apiKey: 'sk-very-secret-key-000',
      },
    )
    await request(c, { method: 'post', path: '/x', body: { q: 1 } })
    const text = lines.join('\n')
    expect(text).not.toContain('sk-very-secret-key-000')
    expect(text).toMatch(/POST http:\/\/127\.0\.0\.1:9\/v1\/x failed with status 429 in \d+ms - retrying/)
    expect(text).toMatch(
      /x-request-id: "req_z"\] POST http:\/\/127\.0\.0\.1:9\/v1\/x succeeded with status 200/,
    )
  })

  it('is silent at the default warn level', async () => {
    const info = vi.fn()
    const { client: c } = client([json({})], { logger: { error: info, warn: info, info, debug: info } })
    await request(c, { method: 'get', path: '/x' })
    expect(info).not.toHaveBeenCalled()
  })
})

describe('operation headers', () => {
  it('sit under defaultHeaders (null removes them) and under the caller headers', async () => {
    const { client: c, calls } = client([json({})], { defaultHeaders: { 'X-Helper': null } })
    await request(c, {
      method: 'get',
      path: '/x',
      operationHeaders: { 'x-helper': 'stream', accept: 'text/event-stream' },
    })
    expect(calls[0].init.headers['x-helper']).toBeUndefined()
    expect(calls[0].init.headers.accept).toBe('text/event-stream')
    await request(c, {
      method: 'get',
      path: '/x',
      operationHeaders: { accept: 'a/b' },
      headers: { accept: 'c/d' },
    })
    expect(calls[1].init.headers.accept).toBe('c/d')
  })
})
