import { type Client, type PagePromise, type RequestOptions, requestPage } from '@acme/openai-core'
import type { ChatCompletion } from './types/chat-completion'
import type { ChatCompletionListParams } from './types/stored-chat-completions'

/**
 * Lists stored completions, a page at a time; `for await` walks every page. `metadata` filters are sent as
 * `metadata[key]=value`.
 *
 * @example
 * for await (const completion of listChatCompletions(client, { model: 'gpt-5.4', metadata: { team: 'a' } }))
 *   console.log(completion.id)
 */
export function listChatCompletions(
  client: Client,
  params: ChatCompletionListParams = {},
  options?: RequestOptions,
): PagePromise<ChatCompletion> {
  return requestPage<ChatCompletion>(
    client,
    {
      ...options,
      method: 'get',
      operation: 'listChatCompletions',
      path: '/chat/completions',
      query: { ...params, ...options?.query },
    },
    'cursor',
  )
}
