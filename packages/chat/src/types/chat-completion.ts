import type { ChatCompletionMessageToolCall, Metadata, ServiceTier } from './chat-completion-params'

/** Why the model stopped: a natural end, the token limit, a tool call, or the content filter. */
export type ChatCompletionFinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'function_call'

/** One token with its log probability. */
export interface ChatCompletionTokenLogprob {
  token: string
  logprob: number
  /** UTF-8 bytes of the token, or `null` when it has no byte form. */
  bytes: number[] | null
  top_logprobs: Array<{ token: string; logprob: number; bytes: number[] | null }>
}

/** Log probabilities of a choice's content and refusal tokens. */
export interface ChatCompletionChoiceLogprobs {
  content: ChatCompletionTokenLogprob[] | null
  refusal: ChatCompletionTokenLogprob[] | null
}

/** A web citation inside the assistant's content (search models). */
export interface ChatCompletionAnnotation {
  type: 'url_citation'
  url_citation: { start_index: number; end_index: number; url: string; title: string }
}

/** The audio answer of a message (with audio output). */
export interface ChatCompletionAudio {
  id: string
  /** Unix seconds after which `id` can no longer be referenced. */
  expires_at: number
  /** Base64 audio bytes in the requested format. */
  data: string
  transcript: string
}

/** The assistant's message in a completion. */
export interface ChatCompletionMessage {
  role: 'assistant'
  content: string | null
  refusal: string | null
  annotations?: ChatCompletionAnnotation[]
  audio?: ChatCompletionAudio | null
  tool_calls?: ChatCompletionMessageToolCall[]
  /** @deprecated Use `tool_calls`. */
  function_call?: { arguments: string; name: string }
}

/** One answer of a completion (several with `n > 1`). */
export interface ChatCompletionChoice {
  index: number
  finish_reason: ChatCompletionFinishReason
  message: ChatCompletionMessage
  logprobs: ChatCompletionChoiceLogprobs | null
}

/** Token counts of a request. */
export interface CompletionUsage {
  prompt_tokens: number
  completion_tokens: number
  total_tokens: number
  prompt_tokens_details?: {
    audio_tokens?: number
    cached_tokens?: number
    text_tokens?: number
    image_tokens?: number
    cache_write_tokens?: number
  }
  completion_tokens_details?: {
    accepted_prediction_tokens?: number
    audio_tokens?: number
    reasoning_tokens?: number
    text_tokens?: number
    rejected_prediction_tokens?: number
  }
}

/** A moderation model's verdict on one input or output. */
export interface ChatCompletionModerationResult {
  type: 'moderation_result'
  model: string
  flagged: boolean
  categories: Record<string, boolean>
  category_scores: Record<string, number>
  category_applied_input_types: Record<string, Array<'text' | 'image'>>
}

/** Moderation results, or the error that prevented them. */
export type ChatCompletionModerationOutcome =
  | { type: 'moderation_results'; model: string; results: ChatCompletionModerationResult[] }
  | { type: 'error'; code: string; message: string }

/** Moderation of the request's input and the completion's output. */
export interface ChatCompletionModeration {
  input: ChatCompletionModerationOutcome
  output: ChatCompletionModerationOutcome
}

/** A `chat.completion` object. */
export interface ChatCompletion {
  id: string
  object: 'chat.completion'
  /** Unix seconds. */
  created: number
  model: string
  choices: ChatCompletionChoice[]
  usage?: CompletionUsage
  service_tier?: ServiceTier
  /** @deprecated */
  system_fingerprint?: string
  /** Present on stored completions. */
  metadata?: Metadata | null
  moderation?: ChatCompletionModeration | null
}
