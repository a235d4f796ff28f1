import { type APIPromise, BadRequestError, NotFoundError, RateLimitError } from '@acme/openai-core'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { client, mock, useMockClient } from '../../../tests/support/mock-client'
import { countInputTokens } from './count-input-tokens'
import { createResponse } from './create-response'
import type { InputTokenCountParams, InputTokenCountResponse } from './types'

useMockClient()

describe('countInputTokens', () => {
  it('posts the params as JSON to /responses/input_tokens and resolves to the count', async () => {
    const params = { model: 'gpt-5.4', instructions: 'Be brief.', input: 'Tell me a joke.' }
    const counted = await countInputTokens(client, params)
    expect(counted).toEqual({ object: 'response.input_tokens', input_tokens: expect.any(Number) })
    expect((counted as any)._request_id).toMatch(/^req_/)
    const sent = mock.requests[0]
    expect(sent.method).toBe('POST')
    expect(sent.path).toBe('/v1/responses/input_tokens')
    expect(sent.json).toEqual(params)
    expect(sent.headers['content-type']).toBe('application/json')
    expect(sent.headers.authorization).toBe('Bearer sk-test')
    // The mock counts as a create reports usage, so the two agree.
    const created = await createResponse(client, params)
    expect(counted.input_tokens).toBe(created.usage?.input_tokens)
  })

  it('sends {} without params, as the official client does', async () => {
    expect(await countInputTokens(client)).toEqual({ object: 'response.input_tokens', input_tokens: 0 })
    expect(mock.requests[0].text).toBe('{}')
  })

  it('passes request options and gives the raw response through withResponse', async () => {
    const { data, response } = await countInputTokens(
      client,
      { input: 'x' },
      { headers: { 'x-trace': '1' }, query: { debug: 'true' } },
    ).withResponse()
    expect(response.status).toBe(200)
    expect(data.object).toBe('response.input_tokens')
    expect(mock.requests[0].headers['x-trace']).toBe('1')
    expect(mock.requests[0].search).toBe('?debug=true')
  })

  it('rejects with the typed API errors', async () => {
    const bad = await countInputTokens(client, { input: 42 as any }).catch((e) => e)
    expect(bad).toBeInstanceOf(BadRequestError)
    expect(bad.param).toBe('input')
    const missing = await countInputTokens(client, { previous_response_id: 'resp_nope' }).catch((e) => e)
    expect(missing).toBeInstanceOf(NotFoundError)
    mock.enqueueFault({ match: { path: '/v1/responses/input_tokens' }, status: 429 })
    expect(await countInputTokens(client, { input: 'x' }).catch((e) => e)).toBeInstanceOf(RateLimitError)
  })

  it('is typed from the spec', () => {
    expectTypeOf(countInputTokens(client)).toEqualTypeOf<APIPromise<InputTokenCountResponse>>()
    expectTypeOf<InputTokenCountResponse>().toEqualTypeOf<{
      object: 'response.input_tokens'
      input_tokens: number
    }>()
    expectTypeOf<InputTokenCountParams['model']>().toEqualTypeOf<string | null | undefined>()
    expectTypeOf<{ input: 'hi'; tools: []; tool_choice: 'auto' }>().toExtend<InputTokenCountParams>()
    // @ts-expect-error: `stream` is a create field, not a counting one
    countInputTokens(client, { stream: true }).catch(() => {})
  })
})
