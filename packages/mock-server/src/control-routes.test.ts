import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startMockServer } from './start-mock-server'
import type { MockServer } from './types'

const auth = { authorization: 'Bearer sk-test' }

describe('HTTP control routes', () => {
  let server: MockServer
  beforeAll(async () => {
    server = await startMockServer()
  })
  afterAll(() => server.close())
  beforeEach(() => server.reset())

  const control = (path: string, init: RequestInit = {}) => fetch(`${server.url}/__mock/${path}`, init)

  it('POST /__mock/faults queues one fault or an array; string paths are prefixes', async () => {
    const one = await control('faults', {
      method: 'POST',
      body: JSON.stringify({ status: 500, match: { path: '/v1/models' } }),
    })
    expect(await one.json()).toEqual({ queued: 1, pending: 1 })
    const many = await control('faults', {
      method: 'POST',
      body: JSON.stringify([{ status: 418 }, { reset: true, match: { method: 'DELETE' } }]),
    })
    expect(await many.json()).toEqual({ queued: 2, pending: 3 })

    const a = await fetch(`${server.baseURL}/models/gpt-5.4`, { headers: auth })
    expect(a.status).toBe(500)
    await a.arrayBuffer()
    const b = await fetch(`${server.baseURL}/models`, { headers: auth })
    expect(b.status).toBe(418)
    await b.arrayBuffer()
    await expect(fetch(`${server.baseURL}/echo/x`, { method: 'DELETE', headers: auth })).rejects.toThrow(
      TypeError,
    )
  })

  it('POST /__mock/faults refuses invalid faults with 400 and queues none of them', async () => {
    const bad = await control('faults', {
      method: 'POST',
      body: JSON.stringify([{ status: 500 }, { times: -1 }]),
    })
    expect(bad.status).toBe(400)
    expect(await bad.json()).toEqual({
      error: {
        message: 'Invalid fault at position 1: `times` must be a whole number >= 1 (or Infinity).',
        type: 'invalid_request_error',
        param: null,
        code: null,
      },
    })
    const notJson = await control('faults', { method: 'POST', body: 'status=500' })
    expect(notJson.status).toBe(400)
    await notJson.arrayBuffer()
    const res = await fetch(`${server.baseURL}/models`, { headers: auth })
    expect(res.status).toBe(200)
    await res.arrayBuffer()
  })

  it('GET /__mock/requests lists recorded requests with the body as text; control calls are not recorded', async () => {
    await (
      await fetch(`${server.baseURL}/echo/a?x=1`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ hi: true }),
      })
    ).arrayBuffer()
    await (await control('requests')).arrayBuffer()
    const list = (await (await control('requests')).json()) as Array<Record<string, unknown>>
    expect(list).toHaveLength(1)
    expect(list[0]).toMatchObject({
      method: 'POST',
      path: '/v1/echo/a',
      search: '?x=1',
      query: { x: '1' },
      body: '{"hi":true}',
      text: '{"hi":true}',
      json: { hi: true },
    })
    expect((list[0].headers as Record<string, string>).authorization).toBe('Bearer sk-test')
  })

  it('POST /__mock/reset clears faults and requests', async () => {
    server.enqueueFault({ status: 500 })
    await (await fetch(`${server.baseURL}/models`, { headers: auth })).arrayBuffer()
    server.enqueueFault({ status: 500 })
    expect(await (await control('reset', { method: 'POST' })).json()).toEqual({ reset: true })
    expect(server.requests).toHaveLength(0)
    expect((await fetch(`${server.baseURL}/models`, { headers: auth })).status).toBe(200)
  })

  it('control routes skip faults and auth', async () => {
    server.enqueueFault({ match: { path: '/' }, status: 500 })
    const res = await control('requests')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual([])
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('unknown control routes answer 404 listing the real ones', async () => {
    const res = await control('nope')
    expect(res.status).toBe(404)
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
      'Unknown control route GET /__mock/nope. Use POST /__mock/faults, POST /__mock/reset or GET /__mock/requests.',
    )
  })
})
