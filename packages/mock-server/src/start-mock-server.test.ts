import { Agent, request as httpRequest } from 'node:http'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startMockServer } from './start-mock-server'
import type { MockServer } from './types'

const auth = { authorization: 'Bearer sk-test' }

describe('startMockServer', () => {
  let server: MockServer
  beforeAll(async () => {
    server = await startMockServer()
  })
  afterAll(() => server.close())
  beforeEach(() => server.reset())

  it('listens on 127.0.0.1 with an ephemeral port and exposes baseURL', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(server.url).not.toBe('http://127.0.0.1:0')
    expect(server.baseURL).toBe(`${server.url}/v1`)
  })

  it('gives every /v1 response a unique x-request-id, errors included', async () => {
    const ids = []
    for (const path of ['/models', '/models', '/does-not-exist']) {
      const res = await fetch(server.baseURL + path, { headers: auth })
      await res.arrayBuffer()
      ids.push(res.headers.get('x-request-id'))
    }
    for (const id of ids) expect(id).toMatch(/^req_[0-9a-f]{32}$/)
    expect(new Set(ids).size).toBe(3)
  })

  it('answers unknown /v1 routes with a 404 OpenAI error naming method and path', async () => {
    const res = await fetch(`${server.baseURL}/nothing/here?x=1`, { method: 'PATCH', headers: auth })
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({
      error: {
        message: 'Invalid URL (PATCH /v1/nothing/here): the mock server has no such route.',
        type: 'invalid_request_error',
        param: null,
        code: 'unknown_url',
      },
    })
  })

  it('adds CORS headers and answers preflight requests without recording them', async () => {
    const preflight = await fetch(`${server.baseURL}/responses`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://example.test',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*')
    expect(preflight.headers.get('access-control-allow-headers')).toBe('*, authorization, content-type')
    expect(preflight.headers.get('access-control-allow-methods')).toBe(
      'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    )

    const res = await fetch(`${server.baseURL}/models`, { headers: auth })
    await res.arrayBuffer()
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('access-control-allow-headers')).toBe('*')
    expect(res.headers.get('access-control-expose-headers')).toBe('*')
    expect(server.requests.map((r) => r.method)).toEqual(['GET'])
  })

  it('reset() clears recorded requests in place, keeping the same array', async () => {
    const requests = server.requests
    await (await fetch(`${server.baseURL}/models`, { headers: auth })).arrayBuffer()
    expect(requests).toHaveLength(1)
    server.reset()
    expect(server.requests).toBe(requests)
    expect(requests).toHaveLength(0)
  })

  it('reset() clears queued faults and stored objects', async () => {
    server.enqueueFault({ status: 500 })
    const created = await fetch(`${server.baseURL}/responses`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-5.4', input: 'hi' }),
    })
    expect(created.status).toBe(500)
    await created.arrayBuffer()
    const again = await fetch(`${server.baseURL}/responses`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-5.4', input: 'hi' }),
    })
    const { id } = (await again.json()) as { id: string }
    server.enqueueFault({ status: 503 })
    server.reset()
    const retrieved = await fetch(`${server.baseURL}/responses/${id}`, { headers: auth })
    expect(retrieved.status).toBe(404)
    await retrieved.arrayBuffer()
  })

  it('enqueueFault rejects malformed faults with a TypeError saying what is wrong', () => {
    expect(() => server.enqueueFault({ status: 200 }, { times: 0 })).toThrow(
      new TypeError('Invalid fault at position 1: `times` must be a whole number >= 1 (or Infinity).'),
    )
    expect(() => server.enqueueFault({ sse: { chunks: 'nope' as unknown as string[] } })).toThrow(
      'Invalid fault at position 0: `sse.chunks` must be an array of strings.',
    )
    // Nothing of a rejected batch is queued.
    expect(() => server.enqueueFault({ status: 99 })).toThrow('`status` must be an HTTP status code')
  })
})

describe('close()', () => {
  it('resolves while a keep-alive connection is open', async () => {
    const server = await startMockServer()
    const agent = new Agent({ keepAlive: true })
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${server.baseURL}/models`, { agent, headers: auth }, (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      })
      req.on('error', reject)
      req.end()
    })
    expect(status).toBe(200)
    // The agent keeps the socket open; close() must not wait for it to time out.
    expect(Object.keys(agent.freeSockets)).toHaveLength(1)
    await server.close()
    agent.destroy()
  })

  it('resolves while a stream is in flight and while a delayed fault waits, and can be called twice', async () => {
    const server = await startMockServer()
    server.enqueueFault({ match: { path: '/v1/models' }, delayMs: 60_000 })
    const slow = fetch(`${server.baseURL}/models`, { headers: auth }).catch((error: Error) => error)
    const stream = await fetch(`${server.baseURL}/sse?count=1000000&size=1000`, { headers: auth })
    const reader = stream.body!.getReader()
    await reader.read()
    await Promise.all([server.close(), server.close()])
    expect(await slow).toBeInstanceOf(TypeError)
    await expect(
      reader.read().then(async function drain(r): Promise<unknown> {
        return r.done ? r : reader.read().then(drain)
      }),
    ).rejects.toThrow()
  })

  it('frees the port', async () => {
    const server = await startMockServer()
    const port = Number(new URL(server.url).port)
    await server.close()
    const again = await startMockServer({ port })
    expect(again.url).toBe(`http://127.0.0.1:${port}`)
    await again.close()
  })
})
