export { ResponseIncompleteError, ResponseParseError, ResponseRefusalError } from './parse-errors'
export { parseResponse } from './parse-response'
export {
  type ParsedResponseStream,
  type ParsedResponseStreamParams,
  streamParsedResponse,
} from './stream-parsed-response'
export type {
  ParsedFunctionToolCall,
  ParsedOutput,
  ParsedOutputMessage,
  ParsedOutputText,
  ParsedResponse,
  ParsedResponseOutputItem,
  ParsedToolCallOf,
  ParsedToolCallsOf,
  ParsedTools,
} from './types'
export {
  type AutoParseableResponseTool,
  type ZodResponsesFunctionOptions,
  zodResponsesFunction,
} from './zod-responses-function'
export { type AutoParseableTextFormat, zodTextFormat } from './zod-text-format'
