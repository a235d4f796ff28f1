// Fault behaviour over real sockets, against @acme/openai-mock on 127.0.0.1.
import { type MockServer, startMockServer } from '@acme/openai-mock'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type ClientOptions, createClient } from './client'
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  AuthenticationError,
  InternalServerError,
  RateLimitError,
} from './errors'
import { request } from './request'

let mock: MockServer
beforeAll(async () => {
  mock = await startMockServer()
  // Load the lazily imported SSE chunk now: transforming it on the first stream can take longer than the gaps
  // between a fault's chunks on a loaded machine, and a reset drops the bytes fetch had not handed over yet.
  await import('./sse/stream')
})
afterAll(() => mock.close())
beforeEach(() => mock.reset())

const client = (options: ClientOptions = {}) =>
  createClient({ apiKey: 'sk-fault-test', baseURL: mock.baseURL, logLevel: 'off', ...options })
const model = (c = client()) => request<{ id: string }>(c, { method: 'get', path: '/models/gpt-4o-mini' })
const attempts = () => mock.requests.filter((r) => r.path === '/v1/models/gpt-4o-mini').length

describe('faults over real sockets', () => {
  it('a reset connection is retried, then succeeds', async () => {
    mock.enqueueFault({ reset: true })
    expect((await model()).id).toBe('gpt-4o-mini')
    expect(attempts()).toBe(2)
  })

  it('resets on every attempt end in APIConnectionError after 1 + maxRetries attempts', async () => {
    mock.enqueueFault({ reset: true, times: 3 })
    const error = await model().catch((e) => e)
    expect(error).toBeInstanceOf(APIConnectionError)
    expect(error).not.toBeInstanceOf(APIConnectionTimeoutError)
    expect(attempts()).toBe(3)
  })

  it('429 with retry-after waits as told, then succeeds', async () => {
    const delays: number[] = []
    mock.enqueueFault({ status: 429, headers: { 'retry-after': '0.2' } })
    const c = client({ hooks: { onRetry: (i) => delays.push(i.delayMs) } })
    expect((await model(c)).id).toBe('gpt-4o-mini')
    expect(delays).toEqual([200])
    expect(attempts()).toBe(2)
  })

  it('429 on every attempt ends in RateLimitError carrying the request id', async () => {
    mock.enqueueFault({ status: 429, headers: { 'retry-after-ms': '10' }, times: 3 })
    const error = await model().catch((e) => e)
    expect(error).toBeInstanceOf(RateLimitError)
    expect(error.requestID).toMatch(/^req_/)
    expect(attempts()).toBe(3)
  })

  it('503 then 200', async () => {
    mock.enqueueFault({ status: 503, headers: { 'retry-after-ms': '0' } })
    expect((await model()).id).toBe('gpt-4o-mini')
    expect(attempts()).toBe(2)
  })

  it('503 with x-should-retry: false is not retried', async () => {
    mock.enqueueFault({ status: 503, headers: { 'x-should-retry': 'false' } })
    await expect(model()).rejects.toBeInstanceOf(InternalServerError)
    expect(attempts()).toBe(1)
  })

  it('slow headers past the timeout are retried, then time out', async () => {
    mock.enqueueFault({ delayMs: 1000, times: 2 })
    const error = await model(client({ timeout: 100, maxRetries: 1 })).catch((e) => e)
    expect(error).toBeInstanceOf(APIConnectionTimeoutError)
    expect(attempts()).toBe(2)
  })

  it('slow headers once, then a fast answer', async () => {
    // The timeout leaves a loaded CI machine ample time for the fast second answer.
    mock.enqueueFault({ delayMs: 5000 })
    expect((await model(client({ timeout: 500 }))).id).toBe('gpt-4o-mini')
    expect(attempts()).toBe(2)
  })

  it('a stream cut mid-event delivers the complete events, then fails', async () => {
    mock.enqueueFault({
      match: { path: '/v1/sse' },
      sse: {
        chunks: ['data: {"index":0}\n\n', 'data: {"index":1}\n\n', 'data: {"ind'],
        delayMs: 50,
        cutAfter: 3,
      },
    })
    const stream = await request<AsyncIterable<{ index: number }>>(client(), {
      method: 'get',
      path: '/sse',
      stream: true,
    })
    const seen: number[] = []
    const error = await (async () => {
      for await (const event of stream) seen.push(event.index)
    })().catch((e) => e)
    // A reset discards bytes fetch had queued but not yet handed over, so under load fewer events may arrive;
    // what must never happen is a half event, or a clean end.
    expect([0, 1].slice(0, seen.length)).toEqual(seen)
    expect(seen.length).toBeGreaterThan(0)
    expect(error).toBeInstanceOf(Error)
  })

  it('a malformed SSE payload is a clear SyntaxError', async () => {
    mock.enqueueFault({ match: { path: '/v1/sse' }, sse: { chunks: ['data: {not json}\n\n'] } })
    const stream = await request<AsyncIterable<unknown>>(client(), {
      method: 'get',
      path: '/sse',
      stream: true,
    })
    const error = await (async () => {
      for await (const _ of stream) {
      }
    })().catch((e) => e)
    expect(error).toBeInstanceOf(SyntaxError)
    expect(error.message).toBe('Error reading response: malformed server-sent event JSON.')
  })

  it('breaking out of a stream cancels the request', async () => {
    const stream = await request<AsyncIterable<{ index: number }>>(client(), {
      method: 'get',
      path: '/sse',
      query: { count: 100000, size: 64 },
      stream: true,
    })
    let n = 0
    for await (const _ of stream) if (++n === 3) break
    expect(n).toBe(3)
    expect((stream as any).controller.signal.aborted).toBe(true)
  })

  it('a request without a key gets AuthenticationError from the mock', async () => {
    const c = createClient({ apiKey: null, baseURL: mock.baseURL, logLevel: 'off' })
    const error = await model(c).catch((e) => e)
    expect(error).toBeInstanceOf(AuthenticationError)
    expect(error.status).toBe(401)
    expect(error.requestID).toMatch(/^req_/)
  })
})
