import { type APIPromise, createClient, NotFoundError } from '@acme/openai-core'
import { type MockServer, startMockServer } from '@acme/openai-mock'
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from 'vitest'
import { createResponse } from './create-response'
import { deleteResponse } from './delete-response'
import { retrieveResponse } from './retrieve-response'

let mock: MockServer
let client: ReturnType<typeof createClient>

beforeAll(async () => {
  mock = await startMockServer()
  client = createClient({ apiKey: 'sk-test', baseURL: mock.baseURL, maxRetries: 0 })
})
afterAll(() => mock.close())
beforeEach(() => mock.reset())

describe('deleteResponse', () => {
  it('deletes a stored response and resolves to nothing', async () => {
    const created = await createResponse(client, { model: 'gpt-5.4', input: 'x' })
    expect(await deleteResponse(client, created.id)).toBeUndefined()
    const sent = mock.requests[1]
    expect(sent.method).toBe('DELETE')
    expect(sent.path).toBe(`/v1/responses/${created.id}`)
    expect(sent.headers.accept).toBe('*/*')
    expect(sent.headers.authorization).toBe('Bearer sk-test')
    expect(await retrieveResponse(client, created.id).catch((e) => e)).toBeInstanceOf(NotFoundError)
  })

  it('still gives the raw response through withResponse', async () => {
    const created = await createResponse(client, { model: 'gpt-5.4', input: 'x' })
    const { data, response } = await deleteResponse(client, created.id).withResponse()
    expect(data).toBeUndefined()
    expect(response.status).toBe(200)
  })

  it('answers NotFoundError for an unknown id', async () => {
    const error = await deleteResponse(client, 'resp_nope').catch((e) => e)
    expect(error).toBeInstanceOf(NotFoundError)
    expect(error.status).toBe(404)
    expectTypeOf(deleteResponse(client, 'r')).toEqualTypeOf<APIPromise<void>>()
  })
})
