import { type APIPromise, NotFoundError } from '@acme/openai-core'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { client, mock, useMockClient } from '../../../tests/support/mock-client'
import { createResponse } from './create-response'
import type { EventStream } from './event-stream'
import type { ResponseStreamEvent } from './generated/types'
import { retrieveResponse } from './retrieve-response'
import type { ResponseWithOutputText } from './types'

useMockClient()

describe('retrieveResponse', () => {
  it('fetches a stored response with output_text', async () => {
    const created = await createResponse(client, { model: 'gpt-5.4', input: 'Say hi' })
    const response = await retrieveResponse(client, created.id)
    expect(response.id).toBe(created.id)
    expect(response.output_text).toBe('Hello! You said: Say hi')
    const sent = mock.requests[1]
    expect(sent.method).toBe('GET')
    expect(sent.path).toBe(`/v1/responses/${created.id}`)
    expect(sent.search).toBe('')
  })

  it('sends include[] and the other query fields', async () => {
    const created = await createResponse(client, { model: 'gpt-5.4', input: 'x' })
    await retrieveResponse(client, created.id, {
      include: ['message.output_text.logprobs', 'reasoning.encrypted_content'],
      include_obfuscation: false,
    })
    expect(mock.requests[1].search).toBe(
      '?include%5B%5D=message.output_text.logprobs&include%5B%5D=reasoning.encrypted_content&include_obfuscation=false',
    )
  })

  it('replays the events after starting_after with stream: true', async () => {
    const created = await createResponse(client, { model: 'gpt-5.4', input: 'Say hi' })
    const stream = await retrieveResponse(client, created.id, { stream: true, starting_after: 3 })
    const sequence: number[] = []
    for await (const event of stream) sequence.push(event.sequence_number)
    expect(sequence[0]).toBe(4)
    expect(sequence.every((n, i) => n === 4 + i)).toBe(true)
    expect(mock.requests[1].search).toBe('?stream=true&starting_after=3')
  })

  it('encodes the id as one path segment and answers NotFoundError for an unknown id', async () => {
    const error = await retrieveResponse(client, 'resp_missing/x').catch((e) => e)
    expect(error).toBeInstanceOf(NotFoundError)
    expect(mock.requests[0].path).toBe('/v1/responses/resp_missing%2Fx')
  })

  it('types the result after `stream`', () => {
    expectTypeOf(retrieveResponse(client, 'r')).toEqualTypeOf<APIPromise<ResponseWithOutputText>>()
    expectTypeOf(retrieveResponse(client, 'r', { include: [] })).toEqualTypeOf<
      APIPromise<ResponseWithOutputText>
    >()
    expectTypeOf(retrieveResponse(client, 'r', { stream: true })).toEqualTypeOf<
      APIPromise<EventStream<ResponseStreamEvent>>
    >()
    const refused = () =>
      // @ts-expect-error include takes the API's include values
      retrieveResponse(client, 'r', { include: ['everything'] })
    expectTypeOf(refused).toBeFunction()
  })
})
