// Request types of Chat Completions under openai-node's names, aliasing the types generated from the OpenAPI spec
// (./generated.ts, scripts/generate-operations.mjs): the spec is the one source of their shape.
import type * as G from './generated'

export type ChatModel = G.ModelIdsShared
export type Metadata = G.Metadata
export type ServiceTier = G.ServiceTier
export type ReasoningEffort = G.ReasoningEffort
export type PromptCacheBreakpoint = G.PromptCacheBreakpointParam

export type ChatCompletionContentPartText = G.ChatCompletionRequestMessageContentPartText
export type ChatCompletionContentPartImage = G.ChatCompletionRequestMessageContentPartImage
export type ChatCompletionContentPartInputAudio = G.ChatCompletionRequestMessageContentPartAudio
export type ChatCompletionContentPartFile = G.ChatCompletionRequestMessageContentPartFile
export type ChatCompletionContentPartRefusal = G.ChatCompletionRequestMessageContentPartRefusal
export type ChatCompletionContentPart = G.ChatCompletionRequestUserMessageContentPart

export type ChatCompletionDeveloperMessageParam = G.ChatCompletionRequestDeveloperMessage
export type ChatCompletionSystemMessageParam = G.ChatCompletionRequestSystemMessage
export type ChatCompletionUserMessageParam = G.ChatCompletionRequestUserMessage
export type ChatCompletionAssistantMessageParam = G.ChatCompletionRequestAssistantMessage
export type ChatCompletionToolMessageParam = G.ChatCompletionRequestToolMessage
/** @deprecated Use tool messages. */
export type ChatCompletionFunctionMessageParam = G.ChatCompletionRequestFunctionMessage
export type ChatCompletionMessageParam = G.ChatCompletionRequestMessage

export type ChatCompletionMessageFunctionToolCall = G.ChatCompletionMessageToolCall
export type ChatCompletionMessageCustomToolCall = G.ChatCompletionMessageCustomToolCall
export type ChatCompletionMessageToolCall = G.ChatCompletionMessageToolCalls[number]

export type FunctionParameters = G.FunctionParameters
export type FunctionDefinition = G.FunctionObject
export type ChatCompletionFunctionTool = G.ChatCompletionTool
export type ChatCompletionCustomTool = G.CustomToolChatCompletions
export type ChatCompletionTool = ChatCompletionFunctionTool | ChatCompletionCustomTool
export type ChatCompletionAllowedToolsChoice = G.ChatCompletionAllowedToolsChoice
export type ChatCompletionNamedToolChoice = G.ChatCompletionNamedToolChoice
export type ChatCompletionNamedToolChoiceCustom = G.ChatCompletionNamedToolChoiceCustom
export type ChatCompletionToolChoiceOption = G.ChatCompletionToolChoiceOption

export type ResponseFormatText = G.ResponseFormatText
export type ResponseFormatJSONObject = G.ResponseFormatJsonObject
export type ResponseFormatJSONSchema = G.ResponseFormatJsonSchema
export type ChatCompletionResponseFormat = NonNullable<G.CreateChatCompletionRequest['response_format']>

export type ChatCompletionStreamOptions = NonNullable<G.ChatCompletionStreamOptions>
export type ChatCompletionVoice = G.VoiceIdsOrCustomVoice
export type ChatCompletionAudioParam = NonNullable<G.CreateChatCompletionRequest['audio']>
export type ChatCompletionPredictionContent = G.PredictionContent
export type WebSearchLocation = G.WebSearchLocation
export type ChatCompletionWebSearchOptions = NonNullable<G.CreateChatCompletionRequest['web_search_options']>
export type ChatCompletionModerationParam = G.ModerationParam
/** @deprecated Use `tools`. */
export type ChatCompletionFunctionDefinition = G.ChatCompletionFunctions

/** The body of `POST /chat/completions`, whatever `stream` is. */
export interface ChatCompletionCreateParamsBase extends Omit<G.CreateChatCompletionRequest, 'stream'> {
  stream?: boolean | null
}

/** Params that answer with one `ChatCompletion`. */
export interface ChatCompletionCreateParamsNonStreaming extends ChatCompletionCreateParamsBase {
  stream?: false | null
}

/** Params that answer with a stream of `ChatCompletionChunk`s. */
export interface ChatCompletionCreateParamsStreaming extends ChatCompletionCreateParamsBase {
  stream: true
}

export type ChatCompletionCreateParams =
  | ChatCompletionCreateParamsNonStreaming
  | ChatCompletionCreateParamsStreaming
