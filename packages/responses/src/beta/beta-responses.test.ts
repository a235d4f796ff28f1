// The generated beta Responses operations against the mock: `?beta=true` on every call, `betas` as the
// `openai-beta` header, JSON and server-sent events.
import { type APIPromise, NotFoundError, type Stream } from '@acme/openai-core'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { client, mock, useMockClient } from '../../../../tests/support/mock-client'
import {
  type BetaResponse,
  type BetaResponseStreamEvent,
  cancelBetaResponse,
  compactBetaResponse,
  countBetaResponseInputTokens,
  createBetaResponse,
  deleteBetaResponse,
  listBetaResponseInputItems,
  retrieveBetaResponse,
} from './index'

useMockClient()

describe('beta Responses operations', () => {
  it('createBetaResponse posts to /responses?beta=true and sends betas as the openai-beta header', async () => {
    const response = await createBetaResponse(client, {
      model: 'gpt-5.4',
      input: 'Say hi',
      betas: ['responses_multi_agent=v1'],
    })
    expect(response.object).toBe('response')
    expect(response.id).toMatch(/^resp_/)
    const sent = mock.requests[0]
    expect(sent.method).toBe('POST')
    expect(sent.path).toBe('/v1/responses')
    expect(sent.search).toBe('?beta=true')
    expect(sent.json).toEqual({ model: 'gpt-5.4', input: 'Say hi' })
    expect(sent.headers['openai-beta']).toBe('responses_multi_agent=v1')
  })

  it('sends no openai-beta header without betas', async () => {
    await createBetaResponse(client, { model: 'gpt-5.4', input: 'Say hi' })
    expect(mock.requests[0].headers['openai-beta']).toBeUndefined()
  })

  it('createBetaResponse with stream: true gives the events', async () => {
    const stream = await createBetaResponse(client, { model: 'gpt-5.4', input: 'Say hi', stream: true })
    const types: string[] = []
    for await (const event of stream) types.push(event.type)
    expect(types[0]).toBe('response.created')
    expect(types.at(-1)).toBe('response.completed')
    expect(mock.requests[0].json).toMatchObject({ stream: true })
    expect(mock.requests[0].search).toBe('?beta=true')
  })

  it('retrieveBetaResponse fetches a stored response, and replays its events with stream: true', async () => {
    const created = await createBetaResponse(client, { model: 'gpt-5.4', input: 'Say hi' })
    const response = await retrieveBetaResponse(client, created.id)
    expect(response.id).toBe(created.id)
    expect(mock.requests[1].path).toBe(`/v1/responses/${created.id}`)
    expect(mock.requests[1].search).toBe('?beta=true')
    const stream = await retrieveBetaResponse(client, created.id, { stream: true, starting_after: 3 })
    const sequence: number[] = []
    for await (const event of stream) sequence.push(event.sequence_number)
    expect(sequence[0]).toBe(4)
    expect(mock.requests[2].search).toBe('?beta=true&stream=true&starting_after=3')
  })

  it('listBetaResponseInputItems pages through the input items', async () => {
    const created = await createBetaResponse(client, {
      model: 'gpt-5.4',
      input: [
        { role: 'user', content: 'one' },
        { role: 'user', content: 'two' },
      ],
    })
    const page = await listBetaResponseInputItems(client, created.id, { limit: 1, order: 'asc' })
    expect(page.data).toHaveLength(1)
    expect(page.hasNextPage()).toBe(true)
    expect(mock.requests[1].search).toBe('?beta=true&limit=1&order=asc')
    const items = []
    for await (const item of listBetaResponseInputItems(client, created.id, { limit: 1 })) items.push(item)
    expect(items.map((item) => item.type)).toEqual(['message', 'message'])
  })

  it('countBetaResponseInputTokens and compactBetaResponse post their bodies', async () => {
    const count = await countBetaResponseInputTokens(client, { model: 'gpt-5.4', input: 'Say hi' })
    expect(count.object).toBe('response.input_tokens')
    expect(count.input_tokens).toBeGreaterThan(0)
    expect(mock.requests[0].path).toBe('/v1/responses/input_tokens')
    expect(mock.requests[0].search).toBe('?beta=true')
    const compacted = await compactBetaResponse(client, { model: 'gpt-5.4', input: 'Say hi' })
    expect(compacted.object).toBe('response.compaction')
    expect(mock.requests[1].path).toBe('/v1/responses/compact')
    expect(mock.requests[1].json).toEqual({ model: 'gpt-5.4', input: 'Say hi' })
  })

  it('cancelBetaResponse cancels a background response; deleteBetaResponse deletes it', async () => {
    const created = await createBetaResponse(client, { model: 'gpt-5.4', input: 'Say hi', background: true })
    const cancelled = await cancelBetaResponse(client, created.id)
    expect(cancelled.status).toBe('cancelled')
    expect(mock.requests[1].path).toBe(`/v1/responses/${created.id}/cancel`)
    expect(mock.requests[1].search).toBe('?beta=true')
    await deleteBetaResponse(client, created.id)
    expect(mock.requests[2].method).toBe('DELETE')
    expect(mock.requests[2].search).toBe('?beta=true')
    expect(mock.requests[2].headers.accept).toBe('*/*')
    const error = await retrieveBetaResponse(client, created.id).catch((e) => e)
    expect(error).toBeInstanceOf(NotFoundError)
  })

  it('types the result after `stream`', () => {
    expectTypeOf(createBetaResponse(client, { model: 'gpt-5.4' })).toEqualTypeOf<APIPromise<BetaResponse>>()
    expectTypeOf(createBetaResponse(client, { model: 'gpt-5.4', stream: true })).toEqualTypeOf<
      APIPromise<Stream<BetaResponseStreamEvent>>
    >()
    expectTypeOf(retrieveBetaResponse(client, 'r')).toEqualTypeOf<APIPromise<BetaResponse>>()
    expectTypeOf(retrieveBetaResponse(client, 'r', { stream: true })).toEqualTypeOf<
      APIPromise<Stream<BetaResponseStreamEvent>>
    >()
  })
})
