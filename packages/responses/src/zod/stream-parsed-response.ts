import type { Client, RequestOptions } from '@acme/openai-core'
import { _assertClient } from '@acme/openai-core/internal'
import type { ResponseStreamEvent } from '../generated/types'
import {
  type ResponseStream,
  type ResponseStreamListeners,
  type ResponseStreamParams,
  type ResponseStreamResumeParams,
  streamResponse,
} from '../stream-response'
import type { ResponseCreateParamsBase } from '../types'
import { type _ParseParams, _parseOutput } from './parse-output'
import type { ParsedOutput, ParsedResponse, ParsedTools } from './types'

/**
 * What `streamParsedResponse` takes: create params, or a stream to resume plus the `text` and `tools` of the
 * original request (only used to parse; not sent).
 */
export type ParsedResponseStreamParams =
  | ResponseStreamParams
  | (ResponseStreamResumeParams & Pick<ResponseCreateParamsBase, 'text' | 'tools'>)

/** A `ResponseStream` whose `finalResponse()` resolves to the parsed response. */
export interface ParsedResponseStream<T, Tools = unknown>
  extends Omit<ResponseStream, 'on' | 'once' | 'off' | 'finalResponse'>,
    AsyncIterable<ResponseStreamEvent> {
  on<K extends keyof ResponseStreamListeners>(
    type: K,
    listener: ResponseStreamListeners[K],
  ): ParsedResponseStream<T, Tools>
  once<K extends keyof ResponseStreamListeners>(
    type: K,
    listener: ResponseStreamListeners[K],
  ): ParsedResponseStream<T, Tools>
  off<K extends keyof ResponseStreamListeners>(
    type: K,
    listener: ResponseStreamListeners[K],
  ): ParsedResponseStream<T, Tools>
  /**
   * The accumulated final response, parsed as by `parseResponse`: rejects with `ResponseIncompleteError`,
   * `ResponseRefusalError` or `ResponseParseError` where `parseResponse` throws them, and with the stream's own
   * error when it failed. `done()` and the `error` event report only the stream itself.
   */
  finalResponse(): Promise<ParsedResponse<T, Tools>>
}

/**
 * `streamResponse` with structured outputs, like the official `responses.stream()` given a `zodTextFormat` or
 * `zodResponsesFunction` tools: the same listeners, iteration, `abort()` and resuming, and a `finalResponse()`
 * with `output_parsed` and `parsed_arguments` typed by the schemas.
 *
 * @example
 * const stream = streamParsedResponse(client, { model: 'gpt-5.4', input, text: { format: zodTextFormat(Event, 'event') } })
 *   .on('response.output_text.delta', (e) => process.stdout.write(e.delta))
 * const { output_parsed } = await stream.finalResponse() // Event | null
 */
export function streamParsedResponse<P extends ParsedResponseStreamParams>(
  client: Client,
  params: P,
  options?: RequestOptions,
): ParsedResponseStream<ParsedOutput<P>, ParsedTools<P>> {
  _assertClient(client, 'streamParsedResponse')
  // A resume sends no body: `text` and `tools` stay here for parsing.
  const stream = streamResponse(
    client,
    'response_id' in params
      ? { response_id: params.response_id, starting_after: params.starting_after }
      : params,
    options,
  )
  const finalResponse = stream.finalResponse
  let parsed: Promise<ParsedResponse<ParsedOutput<P>, ParsedTools<P>>> | undefined
  // Parsed once, when first asked for: a stream only listened to never fails on its output.
  const parsedStream = Object.assign(stream, {
    finalResponse: () =>
      (parsed ??= finalResponse().then((response) =>
        _parseOutput<ParsedOutput<P>, ParsedTools<P>>(response, params as _ParseParams),
      )),
  })
  return parsedStream as unknown as ParsedResponseStream<ParsedOutput<P>, ParsedTools<P>>
}
