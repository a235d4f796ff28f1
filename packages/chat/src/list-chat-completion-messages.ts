import { type Client, type PagePromise, path, type RequestOptions, requestPage } from '@acme/openai-core'
import type {
  ChatCompletionMessageListParams,
  ChatCompletionStoreMessage,
} from './types/stored-chat-completions'

/**
 * Lists the request messages of a stored completion, a page at a time; `for await` walks every page.
 *
 * @example
 * for await (const message of listChatCompletionMessages(client, 'chatcmpl-abc123')) console.log(message.content)
 */
export function listChatCompletionMessages(
  client: Client,
  completionId: string,
  params: ChatCompletionMessageListParams = {},
  options?: RequestOptions,
): PagePromise<ChatCompletionStoreMessage> {
  return requestPage<ChatCompletionStoreMessage>(
    client,
    {
      ...options,
      method: 'get',
      operation: 'listChatCompletionMessages',
      path: path`/chat/completions/${completionId}/messages`,
      query: { ...params, ...options?.query },
    },
    'cursor',
  )
}
