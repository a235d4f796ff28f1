import { type APIPromise, type Client, path, type RequestOptions, request } from '@acme/openai-core'
import type { ChatCompletionDeleted } from './types/stored-chat-completions'

/**
 * Deletes a stored completion.
 *
 * @example const { deleted } = await deleteChatCompletion(client, 'chatcmpl-abc123')
 */
export function deleteChatCompletion(
  client: Client,
  completionId: string,
  options?: RequestOptions,
): APIPromise<ChatCompletionDeleted> {
  return request(client, {
    ...options,
    method: 'delete',
    operation: 'deleteChatCompletion',
    path: path`/chat/completions/${completionId}`,
  })
}
