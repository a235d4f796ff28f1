import type { ChatCompletionTokenLogprob } from './chat-completion'
import type { ChatCompletionChunk } from './chat-completion-chunk'
import type { ChatCompletionSnapshot } from './chat-completion-snapshot'

/** More assistant text: the new piece and all text so far. */
export interface ContentDeltaEvent {
  delta: string
  snapshot: string
}

/** The assistant text is complete; `parsed` is set when the response format asks for parsing. */
export interface ContentDoneEvent<ParsedT = null> {
  content: string
  parsed: ParsedT | null
}

/** More refusal text: the new piece and all refusal text so far. */
export interface RefusalDeltaEvent {
  delta: string
  snapshot: string
}

/** The refusal is complete. */
export interface RefusalDoneEvent {
  refusal: string
}

/** More arguments of a function tool call (`index` is the tool call's position). */
export interface FunctionToolCallArgumentsDeltaEvent {
  name: string
  index: number
  /** All arguments so far. */
  arguments: string
  arguments_delta: string
}

/** A function tool call's arguments are complete; `parsed_arguments` is set for strict or zod tools. */
export interface FunctionToolCallArgumentsDoneEvent {
  name: string
  index: number
  arguments: string
  parsed_arguments: unknown
}

/** Log probabilities of more content tokens: those of this chunk and all of the choice so far. */
export interface LogProbsContentDeltaEvent {
  content: ChatCompletionTokenLogprob[]
  snapshot: ChatCompletionTokenLogprob[]
}

/** The content tokens' log probabilities are complete (fired with `content.done`). */
export interface LogProbsContentDoneEvent {
  content: ChatCompletionTokenLogprob[]
}

/** Log probabilities of more refusal tokens: those of this chunk and all of the choice so far. */
export interface LogProbsRefusalDeltaEvent {
  refusal: ChatCompletionTokenLogprob[]
  snapshot: ChatCompletionTokenLogprob[]
}

/** The refusal tokens' log probabilities are complete (fired with `refusal.done`). */
export interface LogProbsRefusalDoneEvent {
  refusal: ChatCompletionTokenLogprob[]
}

/**
 * The events a streamed completion emits as its chunks arrive, named and ordered as in the official helper.
 * Log-probability events come only when the request asks for `logprobs: true`.
 */
export interface ChatCompletionChunkEvents<ParsedT = null> {
  chunk: (chunk: ChatCompletionChunk, snapshot: ChatCompletionSnapshot) => void
  'content.delta': (event: ContentDeltaEvent) => void
  'content.done': (event: ContentDoneEvent<ParsedT>) => void
  'refusal.delta': (event: RefusalDeltaEvent) => void
  'refusal.done': (event: RefusalDoneEvent) => void
  'tool_calls.function.arguments.delta': (event: FunctionToolCallArgumentsDeltaEvent) => void
  'tool_calls.function.arguments.done': (event: FunctionToolCallArgumentsDoneEvent) => void
  'logprobs.content.delta': (event: LogProbsContentDeltaEvent) => void
  'logprobs.content.done': (event: LogProbsContentDoneEvent) => void
  'logprobs.refusal.delta': (event: LogProbsRefusalDeltaEvent) => void
  'logprobs.refusal.done': (event: LogProbsRefusalDoneEvent) => void
}
