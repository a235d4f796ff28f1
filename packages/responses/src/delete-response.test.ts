import { type APIPromise, NotFoundError } from '@acme/openai-core'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { client, mock, useMockClient } from '../../../tests/support/mock-client'
import { createResponse } from './create-response'
import { deleteResponse } from './delete-response'
import { retrieveResponse } from './retrieve-response'

useMockClient()

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
