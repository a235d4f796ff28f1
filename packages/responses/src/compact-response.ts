import { type APIPromise, type Client, type RequestOptions, request } from '@acme/openai-core'
import type { CompactedResponse, ResponseCompactParams } from './types'

/**
 * Compacts a conversation (`POST /responses/compact`): resolves to a `response.compaction` whose `output` (the
 * user messages, then one opaque `compaction` item) replaces the long history as the `input` of the next
 * `createResponse`. Give the history as `input`, or point at it with `previous_response_id`. The spec types
 * `output` more widely than `input` accepts (so does the official client): cast it to `ResponseInputItem[]`.
 *
 * @example
 * const compacted = await compactResponse(client, { model: 'gpt-5.4', input: history })
 * const input = [...(compacted.output as ResponseInputItem[]), { role: 'user' as const, content: 'Go on' }]
 * await createResponse(client, { model: 'gpt-5.4', input })
 */
export function compactResponse(
  client: Client,
  params: ResponseCompactParams,
  options?: RequestOptions,
): APIPromise<CompactedResponse> {
  return request<CompactedResponse>(client, {
    ...options,
    method: 'post',
    operation: 'compactResponse',
    path: '/responses/compact',
    body: params,
  })
}
