import {
  type APIPromise,
  type Client,
  mapAPIPromise,
  OpenAIError,
  type RequestOptions,
} from '@acme/openai-core'
import { _assertClient } from '@acme/openai-core/internal'
import { createResponse } from '../create-response'
import type { ResponseCreateParamsNonStreaming } from '../types'
import { _parseOutput } from './parse-output'
import type { ParsedOutput, ParsedResponse, ParsedTools } from './types'

/**
 * Creates a response and parses its structured output: with `text.format` from `zodTextFormat` the output is
 * validated by the schema, with a plain `json_schema` format it is `JSON.parse`d. Calls of `zodResponsesFunction`
 * tools get `parsed_arguments` validated by their schema, calls of other strict tools parsed JSON. A refusal
 * throws `ResponseRefusalError`, an incomplete response `ResponseIncompleteError`, output or arguments that do
 * not parse or validate `ResponseParseError`.
 *
 * @example
 * const { output_parsed } = await parseResponse(client, {
 *   model: 'gpt-5.4',
 *   input: 'Alice and Bob go to a science fair on Friday.',
 *   text: { format: zodTextFormat(z.object({ name: z.string(), participants: z.array(z.string()) }), 'event') },
 * })
 */
export function parseResponse<P extends ResponseCreateParamsNonStreaming>(
  client: Client,
  params: P,
  options?: RequestOptions,
): APIPromise<ParsedResponse<ParsedOutput<P>, ParsedTools<P>>> {
  _assertClient(client, 'parseResponse')
  if ((params as { stream?: unknown }).stream)
    throw new OpenAIError(
      'parseResponse does not stream; use streamParsedResponse for a streamed response with parsed output.',
    )
  return mapAPIPromise(createResponse(client, params, options), (response) =>
    _parseOutput<ParsedOutput<P>, ParsedTools<P>>(response, params),
  )
}
