import { type APIPromise, type Client, type RequestOptions, request } from '@acme/openai-core'
import type { InputTokenCountParams, InputTokenCountResponse } from './types'

/**
 * Counts the input tokens a request would use, without running the model (`POST /responses/input_tokens`).
 * Takes the input-shaping fields of `createResponse` (`model`, `input`, `instructions`, `tools`,
 * `previous_response_id`, `conversation`, ...), all optional, and resolves to
 * `{ object: 'response.input_tokens', input_tokens }`.
 *
 * @example
 * const { input_tokens } = await countInputTokens(client, { model: 'gpt-5.4', input: 'Tell me a joke.' })
 */
export function countInputTokens(
  client: Client,
  params: InputTokenCountParams = {},
  options?: RequestOptions,
): APIPromise<InputTokenCountResponse> {
  // `{}` is sent when there are no params, as the official client does: the endpoint wants a JSON body.
  return request<InputTokenCountResponse>(client, {
    ...options,
    method: 'post',
    operation: 'countInputTokens',
    path: '/responses/input_tokens',
    body: params,
  })
}
