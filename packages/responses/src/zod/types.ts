import type {
  FunctionToolCall,
  OutputItem,
  OutputMessage,
  OutputMessageContent,
  OutputTextContent,
} from '../generated/types'
import type { ResponseWithOutputText } from '../types'
import type { AutoParseableResponseTool } from './zod-responses-function'
import type { AutoParseableTextFormat } from './zod-text-format'

/** What `output_parsed` holds for these params: the schema's type for `zodTextFormat`, else parsed JSON. */
export type ParsedOutput<P> = P extends { text?: { format?: infer F } | null }
  ? F extends AutoParseableTextFormat<infer T>
    ? T
    : unknown
  : unknown

/** The `tools` of these params, which type the `parsed_arguments` of function calls. */
export type ParsedTools<P> = P extends { tools?: infer Tools } ? Tools : unknown

/** What a call of one tool gets: the tool's name and argument type for `zodResponsesFunction`, else unknown. */
export type ParsedToolCallOf<Tool> =
  Tool extends AutoParseableResponseTool<infer Args, infer Name>
    ? { name: Name; parsed_arguments: Args }
    : Tool extends { type: 'function' | 'namespace' }
      ? { parsed_arguments: unknown }
      : never

/** The `name` / `parsed_arguments` union for a `tools` list (`unknown` arguments when no tool types them). */
export type ParsedToolCallsOf<Tools> = Tools extends readonly (infer Tool)[]
  ? [ParsedToolCallOf<Tool>] extends [never]
    ? { parsed_arguments: unknown }
    : ParsedToolCallOf<Tool>
  : { parsed_arguments: unknown }

/**
 * A `function_call` output item with `parsed_arguments`: for a `zodResponsesFunction` tool a union by `name`, so
 * checking `name` narrows the arguments; for a plain strict tool parsed JSON; `null` for a non-strict tool.
 */
export type ParsedFunctionToolCall<Tools = unknown> = FunctionToolCall & ParsedToolCallsOf<Tools>

/** An `output_text` part with `parsed`: the structured output, or `null` when there was nothing to parse. */
export type ParsedOutputText<T> = OutputTextContent & { parsed: T | null }

/** An assistant message whose `output_text` parts carry `parsed`. */
export type ParsedOutputMessage<T> = Omit<OutputMessage, 'content'> & {
  content: Array<ParsedOutputText<T> | Exclude<OutputMessageContent, OutputTextContent>>
}

/** One item of a parsed response's `output`. */
export type ParsedResponseOutputItem<T, Tools = unknown> =
  | Exclude<OutputItem, OutputMessage | FunctionToolCall>
  | ParsedOutputMessage<T>
  | ParsedFunctionToolCall<Tools>

/**
 * A response with its structured output parsed: `output_parsed`, `parsed` on each `output_text` part and
 * `parsed_arguments` on each function call (typed by `Tools`, the request's `tools`).
 */
export type ParsedResponse<T, Tools = unknown> = Omit<ResponseWithOutputText, 'output'> & {
  output: Array<ParsedResponseOutputItem<T, Tools>>
  /** The first parsed `output_text`, or `null` when there is none (e.g. only a function call). */
  output_parsed: T | null
}
