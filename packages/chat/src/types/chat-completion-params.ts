/** A model id; any string is accepted, the known ids autocomplete. */
export type ChatModel =
  | (string & {})
  | 'gpt-5.5'
  | 'gpt-5.4'
  | 'gpt-5.4-mini'
  | 'gpt-5.4-nano'
  | 'gpt-5.2'
  | 'gpt-5.1'
  | 'gpt-5'
  | 'gpt-5-mini'
  | 'gpt-5-nano'
  | 'gpt-4.1'
  | 'gpt-4.1-mini'
  | 'gpt-4.1-nano'
  | 'o4-mini'
  | 'o3'
  | 'o3-mini'
  | 'o1'
  | 'gpt-4o'
  | 'gpt-4o-mini'
  | 'gpt-4o-audio-preview'
  | 'gpt-4o-mini-audio-preview'
  | 'gpt-4o-search-preview'
  | 'gpt-4o-mini-search-preview'
  | 'gpt-4-turbo'
  | 'gpt-4'
  | 'gpt-3.5-turbo'

/** Up to 16 string pairs attached to a stored object (keys <= 64 chars, values <= 512 chars). */
export type Metadata = Record<string, string>

/** Processing tier of a request. */
export type ServiceTier = 'auto' | 'default' | 'flex' | 'scale' | 'priority' | 'fast' | null

/** How hard a reasoning model thinks before it answers. */
export type ReasoningEffort = 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh' | 'max' | null

/** Marks a content part as a point where the prompt cache may be written. */
export interface PromptCacheBreakpoint {
  mode: 'explicit'
}

/** A text content part. */
export interface ChatCompletionContentPartText {
  type: 'text'
  text: string
  prompt_cache_breakpoint?: PromptCacheBreakpoint
}

/** An image content part: an `https:` URL or a `data:` URL. */
export interface ChatCompletionContentPartImage {
  type: 'image_url'
  image_url: { url: string; detail?: 'auto' | 'low' | 'high' }
  prompt_cache_breakpoint?: PromptCacheBreakpoint
}

/** An audio content part: base64 bytes. */
export interface ChatCompletionContentPartInputAudio {
  type: 'input_audio'
  input_audio: { data: string; format: 'wav' | 'mp3' }
  prompt_cache_breakpoint?: PromptCacheBreakpoint
}

/** A file content part: an uploaded `file_id`, or base64 `file_data` with a `filename`. */
export interface ChatCompletionContentPartFile {
  type: 'file'
  file: { file_data?: string; file_id?: string; filename?: string }
  prompt_cache_breakpoint?: PromptCacheBreakpoint
}

/** A refusal content part (assistant messages only). */
export interface ChatCompletionContentPartRefusal {
  type: 'refusal'
  refusal: string
}

/** A content part of a user message. */
export type ChatCompletionContentPart =
  | ChatCompletionContentPartText
  | ChatCompletionContentPartImage
  | ChatCompletionContentPartInputAudio
  | ChatCompletionContentPartFile

/** Instructions from the developer; replaces `system` for newer models. */
export interface ChatCompletionDeveloperMessageParam {
  role: 'developer'
  content: string | ChatCompletionContentPartText[]
  name?: string
}

/** Instructions for the model (older models; newer ones prefer `developer`). */
export interface ChatCompletionSystemMessageParam {
  role: 'system'
  content: string | ChatCompletionContentPartText[]
  name?: string
}

/** A message from the end user: text, images, audio or files. */
export interface ChatCompletionUserMessageParam {
  role: 'user'
  content: string | ChatCompletionContentPart[]
  name?: string
}

/** A function tool call, as the model made it and as it is sent back in history. */
export interface ChatCompletionMessageFunctionToolCall {
  id: string
  type: 'function'
  function: { name: string; arguments: string }
}

/** A custom tool call with free-form input. */
export interface ChatCompletionMessageCustomToolCall {
  id: string
  type: 'custom'
  custom: { name: string; input: string }
}

/** A tool call of an assistant message. */
export type ChatCompletionMessageToolCall =
  | ChatCompletionMessageFunctionToolCall
  | ChatCompletionMessageCustomToolCall

/** An earlier assistant turn, sent back as conversation history. */
export interface ChatCompletionAssistantMessageParam {
  role: 'assistant'
  content?: string | Array<ChatCompletionContentPartText | ChatCompletionContentPartRefusal> | null
  refusal?: string | null
  name?: string
  /** A previous audio answer, referenced by id. */
  audio?: { id: string } | null
  tool_calls?: ChatCompletionMessageToolCall[]
  /** @deprecated Use `tool_calls`. */
  function_call?: { arguments: string; name: string } | null
}

/** The result of a tool call, answering the assistant's `tool_calls[].id`. */
export interface ChatCompletionToolMessageParam {
  role: 'tool'
  content: string | ChatCompletionContentPartText[]
  tool_call_id: string
}

/** @deprecated Use `tool` messages. */
export interface ChatCompletionFunctionMessageParam {
  role: 'function'
  content: string | null
  name: string
}

/** Any message of the conversation, discriminated by `role`. */
export type ChatCompletionMessageParam =
  | ChatCompletionDeveloperMessageParam
  | ChatCompletionSystemMessageParam
  | ChatCompletionUserMessageParam
  | ChatCompletionAssistantMessageParam
  | ChatCompletionToolMessageParam
  | ChatCompletionFunctionMessageParam

/** A JSON Schema object describing function arguments. */
export type FunctionParameters = Record<string, unknown>

/** A function the model may call. */
export interface FunctionDefinition {
  name: string
  description?: string
  parameters?: FunctionParameters
  /** `true` makes the model follow `parameters` exactly (Structured Outputs). */
  strict?: boolean | null
}

/** A function tool. */
export interface ChatCompletionFunctionTool {
  type: 'function'
  function: FunctionDefinition
}

/** A custom tool: free-form text input, optionally constrained by a grammar. */
export interface ChatCompletionCustomTool {
  type: 'custom'
  custom: {
    name: string
    description?: string
    format?: { type: 'text' } | { type: 'grammar'; grammar: { definition: string; syntax: 'lark' | 'regex' } }
  }
}

/** A tool the model may call. */
export type ChatCompletionTool = ChatCompletionFunctionTool | ChatCompletionCustomTool

/** Restricts the model to a subset of the given tools. */
export interface ChatCompletionAllowedToolsChoice {
  type: 'allowed_tools'
  allowed_tools: { mode: 'auto' | 'required'; tools: Array<Record<string, unknown>> }
}

/** Forces a call of one function. */
export interface ChatCompletionNamedToolChoice {
  type: 'function'
  function: { name: string }
}

/** Forces a call of one custom tool. */
export interface ChatCompletionNamedToolChoiceCustom {
  type: 'custom'
  custom: { name: string }
}

/** Whether and which tool the model calls. */
export type ChatCompletionToolChoiceOption =
  | 'none'
  | 'auto'
  | 'required'
  | ChatCompletionAllowedToolsChoice
  | ChatCompletionNamedToolChoice
  | ChatCompletionNamedToolChoiceCustom

/** Plain text output (the default). */
export interface ResponseFormatText {
  type: 'text'
}

/** JSON mode: the output is a JSON object (say "JSON" in a message too). */
export interface ResponseFormatJSONObject {
  type: 'json_object'
}

/** Structured Outputs: the output follows a JSON Schema. */
export interface ResponseFormatJSONSchema {
  type: 'json_schema'
  json_schema: {
    name: string
    description?: string
    schema?: Record<string, unknown>
    strict?: boolean | null
  }
}

/** The format of the assistant's output. */
export type ChatCompletionResponseFormat =
  | ResponseFormatText
  | ResponseFormatJSONSchema
  | ResponseFormatJSONObject

/** Options of a streamed answer. */
export interface ChatCompletionStreamOptions {
  /** Adds a final chunk with `choices: []` and the request's `usage`. */
  include_usage?: boolean
  /** Adds random `obfuscation` padding to chunks (on by default). */
  include_obfuscation?: boolean
}

/** A built-in voice, or a custom voice by id. */
export type ChatCompletionVoice =
  | (string & {})
  | 'alloy'
  | 'ash'
  | 'ballad'
  | 'coral'
  | 'echo'
  | 'sage'
  | 'shimmer'
  | 'verse'
  | 'marin'
  | 'cedar'
  | { id: string }

/** Audio output settings (with `modalities: ['text', 'audio']`). */
export interface ChatCompletionAudioParam {
  voice: ChatCompletionVoice
  format: 'wav' | 'aac' | 'mp3' | 'flac' | 'opus' | 'pcm16'
}

/** Predicted output, to speed up answers that mostly repeat known content. */
export interface ChatCompletionPredictionContent {
  type: 'content'
  content: string | ChatCompletionContentPartText[]
}

/** Where the user is, for web search. */
export interface WebSearchLocation {
  city?: string
  country?: string
  region?: string
  timezone?: string
}

/** Web search settings (search models). */
export interface ChatCompletionWebSearchOptions {
  search_context_size?: 'low' | 'medium' | 'high'
  user_location?: { type: 'approximate'; approximate: WebSearchLocation } | null
}

/** Moderation of the input and output by a moderation model. */
export interface ChatCompletionModerationParam {
  model: string
  policy?: {
    input?: { mode: 'score' | 'block' } | null
    output?: { mode: 'score' | 'block' } | null
  } | null
}

/** @deprecated A function for the legacy `functions` parameter. */
export interface ChatCompletionFunctionDefinition {
  name: string
  description?: string
  parameters?: FunctionParameters
}

/** The request body of `POST /chat/completions`, whatever `stream` is. */
export interface ChatCompletionCreateParamsBase {
  messages: ChatCompletionMessageParam[]
  model: ChatModel
  audio?: ChatCompletionAudioParam | null
  frequency_penalty?: number | null
  /** @deprecated Use `tool_choice`. */
  function_call?: 'none' | 'auto' | { name: string }
  /** @deprecated Use `tools`. */
  functions?: ChatCompletionFunctionDefinition[]
  /** Token id (as a string) to a bias from -100 to 100. */
  logit_bias?: Record<string, number> | null
  logprobs?: boolean | null
  max_completion_tokens?: number | null
  /** @deprecated Use `max_completion_tokens`. */
  max_tokens?: number | null
  metadata?: Metadata | null
  modalities?: Array<'text' | 'audio'> | null
  moderation?: ChatCompletionModerationParam | null
  n?: number | null
  parallel_tool_calls?: boolean
  prediction?: ChatCompletionPredictionContent | null
  presence_penalty?: number | null
  prompt_cache_key?: string | null
  prompt_cache_options?: { ttl?: '30m'; mode?: 'implicit' | 'explicit' }
  /** @deprecated */
  prompt_cache_retention?: 'in_memory' | '24h' | null
  reasoning_effort?: ReasoningEffort
  response_format?: ChatCompletionResponseFormat
  safety_identifier?: string | null
  /** @deprecated */
  seed?: number | null
  service_tier?: ServiceTier
  stop?: string | string[] | null
  /** Keep the completion for the stored-completions endpoints and evals. */
  store?: boolean | null
  stream?: boolean | null
  stream_options?: ChatCompletionStreamOptions | null
  temperature?: number | null
  tool_choice?: ChatCompletionToolChoiceOption
  tools?: ChatCompletionTool[]
  top_logprobs?: number | null
  top_p?: number | null
  /** @deprecated Use `safety_identifier` and `prompt_cache_key`. */
  user?: string
  verbosity?: 'low' | 'medium' | 'high' | null
  web_search_options?: ChatCompletionWebSearchOptions
}

/** Params that make `createChatCompletion` resolve to a `ChatCompletion`. */
export interface ChatCompletionCreateParamsNonStreaming extends ChatCompletionCreateParamsBase {
  stream?: false | null
}

/** Params that make `createChatCompletion` resolve to a stream of `ChatCompletionChunk`. */
export interface ChatCompletionCreateParamsStreaming extends ChatCompletionCreateParamsBase {
  stream: true
}

/** The request body of `POST /chat/completions`. */
export type ChatCompletionCreateParams =
  | ChatCompletionCreateParamsNonStreaming
  | ChatCompletionCreateParamsStreaming
