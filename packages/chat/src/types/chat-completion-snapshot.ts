import type {
  ChatCompletionChoiceLogprobs,
  ChatCompletionFinishReason,
  ChatCompletionModeration,
  CompletionUsage,
} from './chat-completion'
import type { ServiceTier } from './chat-completion-params'

/** A tool call as accumulated so far: `arguments` grows as chunks arrive. */
export interface ChatCompletionSnapshotToolCall {
  index: number
  id?: string
  type?: 'function'
  function: { name?: string; arguments: string; parsed_arguments?: unknown }
}

/** A choice as accumulated so far. */
export interface ChatCompletionSnapshotChoice {
  index: number
  finish_reason: ChatCompletionFinishReason | null
  logprobs: ChatCompletionChoiceLogprobs | null
  message: {
    role?: 'developer' | 'system' | 'user' | 'assistant' | 'tool'
    content?: string | null
    refusal?: string | null
    tool_calls?: ChatCompletionSnapshotToolCall[]
    /** Set when the content is complete, as in `content.done`. */
    parsed?: unknown
  }
}

/** A streamed completion as accumulated from the chunks received so far. */
export interface ChatCompletionSnapshot {
  id: string
  object?: string
  created: number
  model: string
  choices: ChatCompletionSnapshotChoice[]
  usage?: CompletionUsage | null
  service_tier?: ServiceTier
  system_fingerprint?: string
  moderation?: ChatCompletionModeration | null
}
