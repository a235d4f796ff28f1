import { type APIPromise, type Client, path, type RequestOptions, request } from '@acme/openai-core'
import type { ChatCompletion } from './types/chat-completion'
import type { ChatCompletionUpdateParams } from './types/stored-chat-completions'

/**
 * Replaces the metadata of a stored completion (the only field that can change).
 *
 * @example await updateChatCompletion(client, 'chatcmpl-abc123', { metadata: { reviewed: 'yes' } })
 */
export function updateChatCompletion(
  client: Client,
  completionId: string,
  params: ChatCompletionUpdateParams,
  options?: RequestOptions,
): APIPromise<ChatCompletion> {
  return request(client, {
    ...options,
    method: 'post',
    operation: 'updateChatCompletion',
    path: path`/chat/completions/${completionId}`,
    body: params,
  })
}
