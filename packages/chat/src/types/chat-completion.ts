// Result types of Chat Completions under openai-node's names, aliasing the types generated from the OpenAPI spec
// (./generated.ts); parts the spec declares inline are reached by indexed access.
import type * as G from './generated'

export type ChatCompletion = G.CreateChatCompletionResponse
export type ChatCompletionChoice = ChatCompletion['choices'][number]
export type ChatCompletionFinishReason = ChatCompletionChoice['finish_reason']
export type ChatCompletionChoiceLogprobs = NonNullable<ChatCompletionChoice['logprobs']>
export type ChatCompletionTokenLogprob = G.ChatCompletionTokenLogprob
export type ChatCompletionMessage = G.ChatCompletionResponseMessage
export type ChatCompletionAnnotation = NonNullable<ChatCompletionMessage['annotations']>[number]
export type ChatCompletionAudio = NonNullable<ChatCompletionMessage['audio']>
export type CompletionUsage = G.CompletionUsage
export type ChatCompletionModeration = G.ChatCompletionModeration
export type ChatCompletionModerationOutcome = ChatCompletionModeration['input']
export type ChatCompletionModerationResult = G.ModerationResultBody
