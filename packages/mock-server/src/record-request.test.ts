import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { parseJson, queryRecord, splitTarget } from './record-request'
import { startMockServer } from './start-mock-server'
import type { MockServer } from './types'

describe('recording', () => {
  let server: MockServer
  beforeAll(async () => {
    server = await startMockServer()
  })
  afterAll(() => server.close())
  beforeEach(() => server.reset())

  it('records method, path, query, lower-case headers and the JSON body', async () => {
    const body = JSON.stringify({ model: 'gpt-5.4', input: 'héllo' })
    const res = await fetch(`${server.baseURL}/echo/things?a=1&tag[]=x&tag[]=y&empty=`, {
      method: 'POST',
      headers: { Authorization: 'Bearer sk-test', 'Content-Type': 'application/json', 'X-Custom': 'Yes' },
      body,
    })
    await res.arrayBuffer()
    expect(server.requests).toHaveLength(1)
    const [recorded] = server.requests
    expect(recorded.method).toBe('POST')
    expect(recorded.path).toBe('/v1/echo/things')
    expect(recorded.search).toBe('?a=1&tag[]=x&tag[]=y&empty=')
    expect(recorded.query).toEqual({ a: '1', 'tag[]': ['x', 'y'], empty: '' })
    expect(recorded.headers.authorization).toBe('Bearer sk-test')
    expect(recorded.headers['content-type']).toBe('application/json')
    expect(recorded.headers['x-custom']).toBe('Yes')
    expect(recorded.headers['content-length']).toBe(String(new TextEncoder().encode(body).length))
    expect(recorded.body).toEqual(new TextEncoder().encode(body))
    expect(recorded.text).toBe(body)
    expect(recorded.json).toEqual({ model: 'gpt-5.4', input: 'héllo' })
    expect(typeof recorded.receivedAt).toBe('number')
  })

  it('records requests without a body and non-JSON bodies', async () => {
    await (await fetch(`${server.baseURL}/models`, { headers: { authorization: 'Bearer k' } })).arrayBuffer()
    await (
      await fetch(`${server.baseURL}/echo/x`, {
        method: 'PUT',
        headers: { authorization: 'Bearer k' },
        body: 'plain words',
      })
    ).arrayBuffer()
    const [get, put] = server.requests
    expect(get).toMatchObject({
      method: 'GET',
      path: '/v1/models',
      search: '',
      query: {},
      text: '',
      json: undefined,
    })
    expect(get.body).toEqual(new Uint8Array(0))
    expect(put).toMatchObject({ method: 'PUT', text: 'plain words', json: undefined })
  })

  it('records requests that fail auth or hit unknown routes, in order', async () => {
    await (await fetch(`${server.baseURL}/models`)).arrayBuffer()
    await (await fetch(`${server.url}/elsewhere`)).arrayBuffer()
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/models', 'GET /elsewhere'])
  })
})

describe('request parsing helpers', () => {
  it('splitTarget separates path and raw search', () => {
    expect(splitTarget('/v1/a?b=1&c')).toEqual({ path: '/v1/a', search: '?b=1&c' })
    expect(splitTarget('/v1/a')).toEqual({ path: '/v1/a', search: '' })
    expect(splitTarget('/v1/a?')).toEqual({ path: '/v1/a', search: '' })
  })

  it('queryRecord turns repeated names into arrays', () => {
    expect(queryRecord(new URLSearchParams('a=1&a=2&a=3&b=%20x'))).toEqual({ a: ['1', '2', '3'], b: ' x' })
  })

  it('parseJson returns undefined for empty or invalid JSON', () => {
    expect(parseJson('')).toBeUndefined()
    expect(parseJson('{"a":')).toBeUndefined()
    expect(parseJson(' [1,2] ')).toEqual([1, 2])
    expect(parseJson('null')).toBeNull()
  })
})
