import { type APIPromise, type Client, path, type RequestOptions, request } from '@acme/openai-core'
import type { ChatCompletion } from './types/chat-completion'

/**
 * Gets a stored completion (one created with `store: true`).
 *
 * @example const completion = await retrieveChatCompletion(client, 'chatcmpl-abc123')
 */
export function retrieveChatCompletion(
  client: Client,
  completionId: string,
  options?: RequestOptions,
): APIPromise<ChatCompletion> {
  return request(client, {
    ...options,
    method: 'get',
    operation: 'retrieveChatCompletion',
    path: path`/chat/completions/${completionId}`,
  })
}
