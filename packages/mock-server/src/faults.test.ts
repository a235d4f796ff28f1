import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { faultMatches, faultProblem, takeFault } from './faults'
import { createMockState } from './mock-state'
import { startMockServer } from './start-mock-server'
import type { MockServer } from './types'

const auth = { authorization: 'Bearer sk-test' }

describe('faults over HTTP', () => {
  let server: MockServer
  beforeAll(async () => {
    server = await startMockServer()
  })
  afterAll(() => server.close())
  beforeEach(() => server.reset())

  const get = (path: string, init: RequestInit = {}) =>
    fetch(server.baseURL + path, { headers: auth, ...init })

  it('answers a status fault with its headers and a default OpenAI error body', async () => {
    server.enqueueFault({ status: 429, headers: { 'retry-after': '2', 'retry-after-ms': '10' } })
    const res = await get('/models')
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBe('2')
    expect(res.headers.get('retry-after-ms')).toBe('10')
    expect(res.headers.get('x-request-id')).toMatch(/^req_/)
    expect(await res.json()).toEqual({
      error: {
        message: 'Injected fault: the mock server answered 429 as scripted.',
        type: 'requests',
        param: null,
        code: 'rate_limit_exceeded',
      },
    })
    // The fault is used up: the next request reaches the route.
    expect((await get('/models')).status).toBe(200)
  })

  it('sends an object body as JSON and a string body as-is', async () => {
    server.enqueueFault({
      status: 400,
      body: { error: { message: 'custom', type: 'x', param: 'p', code: 'c' } },
    })
    server.enqueueFault({ status: 502, body: 'plain oops' })
    server.enqueueFault({ status: 500, body: '', headers: { 'x-should-retry': 'false' } })
    const first = await get('/models')
    expect(first.headers.get('content-type')).toBe('application/json')
    expect(await first.json()).toEqual({ error: { message: 'custom', type: 'x', param: 'p', code: 'c' } })
    const second = await get('/models')
    expect([second.status, second.headers.get('content-type'), await second.text()]).toEqual([
      502,
      'text/plain; charset=utf-8',
      'plain oops',
    ])
    const third = await get('/models')
    expect([third.status, third.headers.get('x-should-retry'), await third.text()]).toEqual([
      500,
      'false',
      '',
    ])
  })

  it('reset destroys the socket: fetch rejects', async () => {
    server.enqueueFault({ reset: true })
    await expect(get('/models')).rejects.toThrow(TypeError)
    expect((await get('/models')).status).toBe(200)
  })

  it('delayMs holds the headers back, then lets the route answer', async () => {
    server.enqueueFault({ delayMs: 30_000 })
    await expect(get('/models', { signal: AbortSignal.timeout(100) })).rejects.toThrow(
      expect.objectContaining({ name: 'TimeoutError' }),
    )
    server.reset()
    server.enqueueFault({ delayMs: 20 })
    const res = await get('/models/gpt-5.4')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ id: 'gpt-5.4', object: 'model' })
  })

  it('plays raw SSE chunks and ends the stream', async () => {
    server.enqueueFault({ sse: { chunks: ['data: {"a":1}\n\n', 'data: [DONE]\n\n'], delayMs: 5 } })
    const res = await get('/responses', { method: 'POST', body: '{}' })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
    expect(await res.text()).toBe('data: {"a":1}\n\ndata: [DONE]\n\n')
  })

  it('sse cutAfter destroys the socket after N chunks: the chunks arrive, then reading rejects', async () => {
    server.enqueueFault({ sse: { chunks: ['data: 1\n\n', 'data: 2\n\n', 'data: 3\n\n'], cutAfter: 2 } })
    const res = await get('/sse')
    expect(res.status).toBe(200)
    const reader = res.body!.getReader()
    const decoder = new TextDecoder()
    let received = ''
    let failure: unknown
    for (let i = 0; i < 100; i++) {
      try {
        const { done, value } = await reader.read()
        if (done) break
        received += decoder.decode(value, { stream: true })
      } catch (error) {
        failure = error
        break
      }
    }
    expect(received).toBe('data: 1\n\ndata: 2\n\n')
    expect(failure).toBeInstanceOf(TypeError)
  })

  it('sse cutAfter 0 sends headers and then nothing: the body read rejects', async () => {
    server.enqueueFault({ sse: { chunks: ['data: 1\n\n'], cutAfter: 0 } })
    const res = await get('/sse')
    expect(res.status).toBe(200)
    await expect(res.text()).rejects.toThrow(TypeError)
  })

  it('times applies the fault to that many matching requests', async () => {
    server.enqueueFault({ status: 503, times: 2 })
    const statuses = []
    for (let i = 0; i < 3; i++) {
      const res = await get('/models')
      await res.arrayBuffer()
      statuses.push(res.status)
    }
    expect(statuses).toEqual([503, 503, 200])
  })

  it('takes the first matching fault in FIFO order, honouring method and path matches', async () => {
    server.enqueueFault(
      { match: { path: '/v1/models' }, status: 401 },
      { match: { method: 'post' }, status: 409 },
      { status: 500 },
      { status: 502 },
    )
    const statusOf = async (path: string, init?: RequestInit) => {
      const res = await get(path, init)
      await res.arrayBuffer()
      return res.status
    }
    expect(await statusOf('/echo/a', { method: 'POST' })).toBe(409)
    expect(await statusOf('/echo/a')).toBe(500)
    expect(await statusOf('/models/gpt-5.4')).toBe(401)
    expect(await statusOf('/models')).toBe(502)
    expect(await statusOf('/models')).toBe(200)
  })

  it('matches a RegExp path and paths outside /v1 only when asked', async () => {
    server.enqueueFault({ match: { path: /^\/v1\/models\/[^/]+$/ }, status: 418 })
    server.enqueueFault({ match: { path: '/oauth' }, status: 400 })
    expect((await get('/models')).status).toBe(200)
    expect((await get('/models/gpt-4o-mini')).status).toBe(418)
    const outside = await fetch(`${server.url}/oauth/token`, { method: 'POST' })
    expect(outside.status).toBe(400)
    await outside.arrayBuffer()
  })

  it('a headers-only fault adds headers to the normal answer', async () => {
    server.enqueueFault({ headers: { 'x-should-retry': 'true', 'x-request-id': 'req_fixed' } })
    const res = await get('/models')
    expect(res.status).toBe(200)
    expect(res.headers.get('x-should-retry')).toBe('true')
    expect(res.headers.get('x-request-id')).toBe('req_fixed')
    expect(await res.json()).toMatchObject({ object: 'list' })
  })
})

describe('fault helpers', () => {
  it('faultProblem accepts valid faults and explains invalid ones', () => {
    expect(faultProblem({})).toBeNull()
    expect(
      faultProblem({ match: { path: /x/ }, times: Infinity, sse: { chunks: [], cutAfter: 0 } }),
    ).toBeNull()
    expect(faultProblem(null)).toBe('a fault must be an object')
    expect(faultProblem({ match: { path: 3 } })).toBe('`match.path` must be a string prefix or a RegExp')
    expect(faultProblem({ delayMs: -1 })).toBe('`delayMs` must be a number >= 0')
    expect(faultProblem({ headers: { a: 1 } })).toBe('`headers` must be an object of string values')
    expect(faultProblem({ sse: { chunks: [], cutAfter: 1.5 } })).toBe(
      '`sse.cutAfter` must be a whole number >= 0',
    )
  })

  it('faultMatches defaults to /v1 and treats a string path as a prefix', () => {
    expect(faultMatches({}, 'GET', '/v1/models')).toBe(true)
    expect(faultMatches({}, 'GET', '/v1')).toBe(true)
    expect(faultMatches({}, 'GET', '/v10/x')).toBe(false)
    expect(faultMatches({}, 'GET', '/oauth/token')).toBe(false)
    expect(faultMatches({ match: { path: '/v1/res' } }, 'GET', '/v1/responses/abc')).toBe(true)
    expect(faultMatches({ match: { method: 'get' } }, 'POST', '/v1/responses')).toBe(false)
    const sticky = /models/g
    expect([
      faultMatches({ match: { path: sticky } }, 'GET', '/v1/models'),
      faultMatches({ match: { path: sticky } }, 'GET', '/v1/models'),
    ]).toEqual([true, true])
  })

  it('takeFault counts down times and removes used-up faults', () => {
    const state = createMockState(new AbortController().signal)
    state.faults.push({ status: 500, times: 2 }, { status: 502 })
    expect(takeFault(state, 'GET', '/v1/a')?.status).toBe(500)
    expect(state.faults).toEqual([{ status: 500, times: 1 }, { status: 502 }])
    expect(takeFault(state, 'GET', '/v1/a')?.status).toBe(500)
    expect(takeFault(state, 'GET', '/v1/a')?.status).toBe(502)
    expect(takeFault(state, 'GET', '/v1/a')).toBeUndefined()
  })
})
