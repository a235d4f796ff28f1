// Streaming chunk types of Chat Completions under openai-node's names, aliasing the generated spec types.
import type { Stream } from '@acme/openai-core'
import type * as G from './generated'

export type ChatCompletionChunk = G.CreateChatCompletionStreamResponse
export type ChatCompletionChunkChoice = ChatCompletionChunk['choices'][number]
export type ChatCompletionChunkDelta = G.ChatCompletionStreamResponseDelta
export type ChatCompletionChunkToolCall = G.ChatCompletionMessageToolCallChunk

/** What `createChatCompletion(client, { ..., stream: true })` resolves to. */
export type ChatCompletionChunkStream = Stream<ChatCompletionChunk>
