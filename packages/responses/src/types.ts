import type {
  CompactResource,
  CompactResponseMethodPublicBody,
  CreateResponse,
  InputContent,
  InputItem,
  InputParam,
  ItemResource,
  OutputItem,
  Response,
  ResponseCodeInterpreterCallCodeDeltaEvent,
  ResponseCustomToolCallInputDeltaEvent,
  ResponseFunctionCallArgumentsDeltaEvent,
  ResponseMCPCallArgumentsDeltaEvent,
  ResponseReasoningSummaryTextDeltaEvent,
  ResponseReasoningTextDeltaEvent,
  ResponseRefusalDeltaEvent,
  ResponseTextDeltaEvent,
  TokenCountsBody,
  TokenCountsResource,
} from './generated/types'

/** Every field of `POST /responses` except `stream`. */
export type ResponseCreateParamsBase = Omit<CreateResponse, 'stream'>

/** `POST /responses` params that ask for server-sent events. */
export interface ResponseCreateParamsStreaming extends ResponseCreateParamsBase {
  stream: true
}

/** `POST /responses` params for one JSON `Response`. */
export interface ResponseCreateParamsNonStreaming extends ResponseCreateParamsBase {
  stream?: false | null
}

/** `POST /responses` params, streaming or not. */
export interface ResponseCreateParams extends ResponseCreateParamsBase {
  stream?: boolean | null
}

/** A `Response` as the client returns it: with `output_text`, the text of every `output_text` part joined. */
export type ResponseWithOutputText = Response & { output_text: string }

/** What `input` accepts: a string or a list of items. */
export type ResponseInput = InputParam
/** One item of a request's `input` list. */
export type ResponseInputItem = InputItem
/** One content part of an input message (`input_text`, `input_image`, `input_file`). */
export type ResponseInputContent = InputContent
/** One item of a response's `output`. */
export type ResponseOutputItem = OutputItem
/** One item of a stored response's input, as `listInputItems` returns it. */
export type ResponseItem = ItemResource

/** Body of `POST /responses/input_tokens`: the fields of a create request that make up the input, all optional. */
export type InputTokenCountParams = TokenCountsBody
/** What `countInputTokens` resolves to: `{ object: 'response.input_tokens', input_tokens }`. */
export type InputTokenCountResponse = TokenCountsResource
/** Body of `POST /responses/compact` (`model` is required). */
export type ResponseCompactParams = CompactResponseMethodPublicBody
/** What `compactResponse` resolves to: `object: 'response.compaction'`, the compacted `output` items and `usage`. */
export type CompactedResponse = CompactResource

/** The delta events whose text the stream helper accumulates. */
export type ResponseStreamDeltaEvent =
  | ResponseTextDeltaEvent
  | ResponseRefusalDeltaEvent
  | ResponseFunctionCallArgumentsDeltaEvent
  | ResponseReasoningTextDeltaEvent
  | ResponseReasoningSummaryTextDeltaEvent
  | ResponseCustomToolCallInputDeltaEvent
  | ResponseMCPCallArgumentsDeltaEvent
  | ResponseCodeInterpreterCallCodeDeltaEvent
