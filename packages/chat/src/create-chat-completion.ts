import { type APIPromise, type Client, type RequestOptions, request } from '@acme/openai-core'
import type { ChatCompletion } from './types/chat-completion'
import type { ChatCompletionChunkStream } from './types/chat-completion-chunk'
import type {
  ChatCompletionCreateParamsBase,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionCreateParamsStreaming,
} from './types/chat-completion-params'

/**
 * Creates a chat completion (`POST /chat/completions`). With `stream: true` it resolves to an async-iterable
 * stream of `chat.completion.chunk`s that ends at `[DONE]`; with `stream_options: { include_usage: true }`
 * the last chunk has `choices: []` and the `usage`.
 *
 * @example
 * const completion = await createChatCompletion(client, {
 *   model: 'gpt-5.4',
 *   messages: [{ role: 'developer', content: 'Be brief.' }, { role: 'user', content: 'Hi' }],
 * })
 * console.log(completion.choices[0].message.content)
 */
export function createChatCompletion(
  client: Client,
  params: ChatCompletionCreateParamsNonStreaming,
  options?: RequestOptions,
): APIPromise<ChatCompletion>
export function createChatCompletion(
  client: Client,
  params: ChatCompletionCreateParamsStreaming,
  options?: RequestOptions,
): APIPromise<ChatCompletionChunkStream>
export function createChatCompletion(
  client: Client,
  params: ChatCompletionCreateParamsBase,
  options?: RequestOptions,
): APIPromise<ChatCompletion | ChatCompletionChunkStream>
export function createChatCompletion(
  client: Client,
  params: ChatCompletionCreateParamsBase,
  options?: RequestOptions,
): APIPromise<ChatCompletion | ChatCompletionChunkStream> {
  return request(client, {
    ...options,
    method: 'post',
    operation: 'createChatCompletion',
    path: '/chat/completions',
    body: params,
    stream: params?.stream === true,
  })
}
