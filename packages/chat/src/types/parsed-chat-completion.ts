import type { ChatCompletion, ChatCompletionChoice, ChatCompletionMessage } from './chat-completion'
import type {
  ChatCompletionFunctionTool,
  ChatCompletionMessageCustomToolCall,
  ChatCompletionMessageFunctionToolCall,
  ResponseFormatJSONSchema,
} from './chat-completion-params'

/**
 * A `json_schema` response format that knows how to parse and validate the content it asks for
 * (made by `zodResponseFormat`). `$brand` and `$parseRaw` are not enumerable, so they are never sent.
 */
export interface AutoParseableResponseFormat<ParsedT> extends ResponseFormatJSONSchema {
  readonly $brand: 'auto-parseable-response-format'
  $parseRaw(content: string): ParsedT
}

/**
 * A strict function tool that knows how to parse and validate its arguments, and optionally what to call
 * with them (made by `zodFunction`). The `$` members are not enumerable, so they are never sent.
 */
export interface AutoParseableTool<Args = unknown, Result = unknown> extends ChatCompletionFunctionTool {
  readonly $brand: 'auto-parseable-tool'
  $parseRaw(args: string): Args
  $callback: ((args: Args) => Result | Promise<Result>) | undefined
}

/** A function tool call with its arguments parsed (strict or auto-parseable tools), else `null`. */
export interface ParsedFunctionToolCall extends ChatCompletionMessageFunctionToolCall {
  function: ChatCompletionMessageFunctionToolCall['function'] & { parsed_arguments?: unknown }
}

/** The assistant message with `parsed` content (`null` when there was nothing to parse). */
export interface ParsedChatCompletionMessage<ParsedT> extends ChatCompletionMessage {
  parsed: ParsedT | null
  tool_calls?: Array<ParsedFunctionToolCall | ChatCompletionMessageCustomToolCall>
}

/** A choice whose message was parsed. */
export interface ParsedChoice<ParsedT> extends ChatCompletionChoice {
  message: ParsedChatCompletionMessage<ParsedT>
}

/** A completion whose messages were parsed. */
export interface ParsedChatCompletion<ParsedT> extends ChatCompletion {
  choices: Array<ParsedChoice<ParsedT>>
}

/** What `message.parsed` holds for these params: the schema's type, `unknown` for a raw JSON Schema, or `null`. */
export type ExtractParsedContent<Params> = Params extends {
  response_format: AutoParseableResponseFormat<infer ParsedT>
}
  ? ParsedT
  : Params extends { response_format: ResponseFormatJSONSchema }
    ? unknown
    : null
