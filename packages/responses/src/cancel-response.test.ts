import { type APIPromise, BadRequestError, NotFoundError } from '@acme/openai-core'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { client, mock, useMockClient } from '../../../tests/support/mock-client'
import { cancelResponse } from './cancel-response'
import { createResponse } from './create-response'
import type { ResponseWithOutputText } from './types'

useMockClient()

describe('cancelResponse', () => {
  it('cancels a background response', async () => {
    const queued = await createResponse(client, { model: 'gpt-5.4', input: 'x', background: true })
    expect(queued.status).toBe('queued')
    const cancelled = await cancelResponse(client, queued.id)
    expect(cancelled.id).toBe(queued.id)
    expect(cancelled.status).toBe('cancelled')
    expect(typeof cancelled.output_text).toBe('string')
    const sent = mock.requests[1]
    expect(sent.method).toBe('POST')
    expect(sent.path).toBe(`/v1/responses/${queued.id}/cancel`)
    expect(sent.text).toBe('')
  })

  it('refuses a response that was not created in the background', async () => {
    const created = await createResponse(client, { model: 'gpt-5.4', input: 'x' })
    expect(await cancelResponse(client, created.id).catch((e) => e)).toBeInstanceOf(BadRequestError)
  })

  it('answers NotFoundError for an unknown id', async () => {
    expect(await cancelResponse(client, 'resp_nope').catch((e) => e)).toBeInstanceOf(NotFoundError)
    expectTypeOf(cancelResponse(client, 'r')).toEqualTypeOf<APIPromise<ResponseWithOutputText>>()
  })
})
