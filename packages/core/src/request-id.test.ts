import { describe, expect, it } from 'vitest'
import { attachRequestId } from './request-id'

describe('attachRequestId', () => {
  it('adds a hidden, writable _request_id from x-request-id, and returns the same object', () => {
    const result = { a: 1 }
    const same = attachRequestId(result, new Response('', { headers: { 'x-request-id': 'req_1' } }))
    expect(same).toBe(result)
    expect((same as { _request_id?: string })._request_id).toBe('req_1')
    expect(Object.keys(same)).toEqual(['a'])
    expect(JSON.stringify(same)).toBe('{"a":1}')
  })

  it('is null when the response has no request id', () => {
    expect((attachRequestId({}, new Response('')) as { _request_id?: unknown })._request_id).toBeNull()
  })
})
