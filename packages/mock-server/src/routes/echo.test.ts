import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMockServer } from '../start-mock-server'
import type { MockServer } from '../types'

describe('/v1/echo/*', () => {
  let server: MockServer
  beforeAll(async () => {
    server = await startMockServer()
  })
  afterAll(() => server.close())

  it('echoes method, path, query, headers and the parsed JSON body', async () => {
    const res = await fetch(`${server.baseURL}/echo/a/b%20c?x=1&x=2`, {
      method: 'PATCH',
      headers: { authorization: 'Bearer k', 'content-type': 'application/json', 'X-Trace': 't1' },
      body: JSON.stringify({ nested: { ok: true } }),
    })
    expect(res.status).toBe(200)
    const body = (await res.json()) as Record<string, unknown>
    expect(body).toMatchObject({
      method: 'PATCH',
      path: '/v1/echo/a/b%20c',
      query: { x: ['1', '2'] },
      body: { nested: { ok: true } },
    })
    expect((body.headers as Record<string, string>)['x-trace']).toBe('t1')
  })

  it('echoes a text body as text and no body as null', async () => {
    const text = await fetch(`${server.baseURL}/echo/t`, {
      method: 'POST',
      headers: { authorization: 'Bearer k' },
      body: 'a=1',
    })
    expect(((await text.json()) as { body: unknown }).body).toBe('a=1')
    const none = await fetch(`${server.baseURL}/echo/t`, {
      method: 'DELETE',
      headers: { authorization: 'Bearer k' },
    })
    expect(((await none.json()) as { body: unknown }).body).toBeNull()
  })
})
