import { type APIPromise, BadRequestError, NotFoundError } from '@acme/openai-core'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { client, mock, useMockClient } from '../../../tests/support/mock-client'
import { compactResponse } from './compact-response'
import { createResponse } from './create-response'
import type { CompactionBody } from './generated/types'
import type { CompactedResponse, ResponseCompactParams, ResponseInputItem } from './types'

useMockClient()

const history: ResponseInputItem[] = [
  { role: 'user', content: 'Create a landing page for a dog café.' },
  {
    id: 'msg_001',
    type: 'message',
    status: 'completed',
    role: 'assistant',
    content: [{ type: 'output_text', text: 'Here it is: <html></html>', annotations: [], logprobs: [] }],
  },
]

describe('compactResponse', () => {
  it('posts the params as JSON to /responses/compact and resolves to the compaction', async () => {
    const compacted = await compactResponse(client, { model: 'gpt-5.4', input: history })
    expect(compacted.object).toBe('response.compaction')
    expect(compacted.id).toMatch(/^resp_/)
    expect(compacted.output.map((item) => item.type)).toEqual(['message', 'compaction'])
    const compaction = compacted.output[1] as CompactionBody
    expect(compaction.encrypted_content).toEqual(expect.any(String))
    expect(compacted.usage.total_tokens).toBe(compacted.usage.input_tokens + compacted.usage.output_tokens)
    expect((compacted as any)._request_id).toMatch(/^req_/)
    const sent = mock.requests[0]
    expect(sent.method).toBe('POST')
    expect(sent.path).toBe('/v1/responses/compact')
    expect(sent.json).toEqual({ model: 'gpt-5.4', input: history })
    expect(sent.headers['content-type']).toBe('application/json')
  })

  it('compacts a stored conversation by previous_response_id, and the output goes on as input', async () => {
    const first = await createResponse(client, { model: 'gpt-5.4', input: 'First question' })
    const compacted = await compactResponse(client, {
      model: 'gpt-5.4',
      previous_response_id: first.id,
      instructions: 'Keep the decisions.',
    })
    expect(compacted.output.at(-1)?.type).toBe('compaction')
    // As in the README: the spec types output more widely than input, so it is cast.
    const input = [
      ...(compacted.output as ResponseInputItem[]),
      { role: 'user' as const, content: 'And then?' },
    ]
    const next = await createResponse(client, { model: 'gpt-5.4', input })
    expect(next.output_text).toBe('Hello! You said: And then?')
  })

  it('rejects with the typed API errors', async () => {
    const noModel = await compactResponse(client, { input: 'x' } as ResponseCompactParams).catch((e) => e)
    expect(noModel).toBeInstanceOf(BadRequestError)
    expect(noModel.param).toBe('model')
    expect(noModel.code).toBe('missing_required_parameter')
    const unknown = await compactResponse(client, {
      model: 'gpt-5.4',
      previous_response_id: 'resp_nope',
    }).catch((e) => e)
    expect(unknown).toBeInstanceOf(NotFoundError)
  })

  it('passes request options', async () => {
    await compactResponse(client, { model: 'gpt-5.4', input: 'x' }, { idempotencyKey: 'k-1' })
    expect(mock.requests[0].headers['idempotency-key']).toBe('k-1')
  })

  it('is typed from the spec', () => {
    expectTypeOf(compactResponse(client, { model: 'gpt-5.4' })).toEqualTypeOf<APIPromise<CompactedResponse>>()
    expectTypeOf<CompactedResponse['object']>().toEqualTypeOf<'response.compaction'>()
    expectTypeOf<CompactedResponse['created_at']>().toEqualTypeOf<number>()
    expectTypeOf<
      Extract<CompactedResponse['output'][number], { type: 'compaction' }>
    >().toEqualTypeOf<CompactionBody>()
    expectTypeOf<ResponseCompactParams['service_tier']>().toEqualTypeOf<
      'auto' | 'default' | 'fast' | 'flex' | 'priority' | null | undefined
    >()
    // @ts-expect-error: `model` is required
    compactResponse(client, { input: 'x' }).catch(() => {})
  })
})
