import { describe, expect, it } from 'vitest'
import { createClient } from './client'
import { request } from './request'

describe('the fetch a client is given', () => {
  it('is called without the client as `this` (browsers and workerd refuse a foreign receiver)', async () => {
    const receivers: unknown[] = []
    const fetch = function (this: unknown) {
      receivers.push(this)
      return Promise.resolve(new Response('{}', { headers: { 'content-type': 'application/json' } }))
    } as unknown as typeof globalThis.fetch
    const client = createClient({ apiKey: 'sk-test', baseURL: 'http://127.0.0.1:1/v1', fetch })
    await request(client, { method: 'get', path: '/models', operation: 'listModels' })
    expect(receivers).toEqual([undefined])
  })
})
