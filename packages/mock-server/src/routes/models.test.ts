import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMockServer } from '../start-mock-server'
import type { MockServer } from '../types'

describe('models', () => {
  let server: MockServer
  beforeAll(async () => {
    server = await startMockServer({ requireAuth: false })
  })
  afterAll(() => server.close())

  it('lists three models without pagination fields', async () => {
    const body = await (await fetch(`${server.baseURL}/models`)).json()
    expect(body).toEqual({
      object: 'list',
      data: [
        { id: 'gpt-5.4', object: 'model', created: 1767225600, owned_by: 'openai' },
        { id: 'gpt-5.2', object: 'model', created: 1764547200, owned_by: 'openai' },
        { id: 'gpt-4o-mini', object: 'model', created: 1721172741, owned_by: 'system' },
      ],
    })
  })

  it('retrieves one model and answers 404 for an unknown one', async () => {
    expect(await (await fetch(`${server.baseURL}/models/gpt-4o-mini`)).json()).toEqual({
      id: 'gpt-4o-mini',
      object: 'model',
      created: 1721172741,
      owned_by: 'system',
    })
    const missing = await fetch(`${server.baseURL}/models/ft%3Agpt-4o%3Aacme`)
    expect(missing.status).toBe(404)
    expect(await missing.json()).toEqual({
      error: {
        message: "No model found with id 'ft:gpt-4o:acme'.",
        type: 'invalid_request_error',
        param: 'model',
        code: null,
      },
    })
  })
})
