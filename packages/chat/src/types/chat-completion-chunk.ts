import type { Stream } from '@acme/openai-core'
import type {
  ChatCompletionChoiceLogprobs,
  ChatCompletionFinishReason,
  ChatCompletionModeration,
  CompletionUsage,
} from './chat-completion'
import type { ServiceTier } from './chat-completion-params'

/** A fragment of a tool call: `id`, `type` and `function.name` come first, then `arguments` in pieces. */
export interface ChatCompletionChunkToolCall {
  /** Position of the tool call in the message; fragments with the same index belong together. */
  index: number
  id?: string
  type?: 'function'
  function?: { name?: string; arguments?: string }
}

/** What a chunk adds to a choice's message. */
export interface ChatCompletionChunkDelta {
  role?: 'developer' | 'system' | 'user' | 'assistant' | 'tool'
  content?: string | null
  refusal?: string | null
  tool_calls?: ChatCompletionChunkToolCall[]
  /** @deprecated Use `tool_calls`. */
  function_call?: { name?: string; arguments?: string }
}

/** A choice's part of a chunk. */
export interface ChatCompletionChunkChoice {
  index: number
  delta: ChatCompletionChunkDelta
  /** `null` until the choice's last chunk. */
  finish_reason: ChatCompletionFinishReason | null
  logprobs?: ChatCompletionChoiceLogprobs | null
}

/** A `chat.completion.chunk`: one server-sent event of a streamed completion. */
export interface ChatCompletionChunk {
  id: string
  object: 'chat.completion.chunk'
  /** Unix seconds; the same on every chunk of a completion. */
  created: number
  model: string
  /** Empty on the final usage chunk (`stream_options.include_usage`). */
  choices: ChatCompletionChunkChoice[]
  /** `null` on every chunk but the last one when `stream_options.include_usage` is set. */
  usage?: CompletionUsage | null
  service_tier?: ServiceTier
  /** @deprecated */
  system_fingerprint?: string
  /** Random padding (`stream_options.include_obfuscation`). */
  obfuscation?: string
  moderation?: ChatCompletionModeration | null
}

/**
 * What `createChatCompletion(client, { ..., stream: true })` resolves to: core's `Stream` of chunks. Iterate it
 * once (`tee()` to read it twice); breaking out of the loop cancels the request.
 */
export type ChatCompletionChunkStream = Stream<ChatCompletionChunk>
