import {
  type APIPromise,
  type Client,
  mapAPIPromise,
  OpenAIError,
  type RequestOptions,
} from '@acme/openai-core'
import { createResponse } from '../create-response'
import type { ResponseCreateParamsNonStreaming, ResponseWithOutputText } from '../types'
import { ResponseIncompleteError, ResponseParseError, ResponseRefusalError } from './parse-errors'
import type { AutoParseableTextFormat } from './zod-text-format'

/** What `output_parsed` holds for these params: the schema's type for `zodTextFormat`, else parsed JSON. */
export type ParsedOutput<P> = P extends { text?: { format?: infer F } | null }
  ? F extends AutoParseableTextFormat<infer T>
    ? T
    : unknown
  : unknown

/** A response with its structured output parsed: `output_parsed`, plus `parsed` on each `output_text` part. */
export type ParsedResponse<T> = ResponseWithOutputText & {
  /** The first parsed `output_text`, or `null` when there is none (e.g. only a function call). */
  output_parsed: T | null
}

function parseJSON(content: string): unknown {
  try {
    return JSON.parse(content)
  } catch (cause) {
    throw new ResponseParseError('The structured output is not valid JSON.', { cause })
  }
}

/**
 * Creates a response and parses its structured output: with `text.format` from `zodTextFormat` the output is
 * validated by the schema, with a plain `json_schema` format it is `JSON.parse`d. Function calls of strict
 * tools get `parsed_arguments`. A refusal throws `ResponseRefusalError`, an incomplete response
 * `ResponseIncompleteError`, output that does not parse or validate `ResponseParseError`.
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
): APIPromise<ParsedResponse<ParsedOutput<P>>> {
  if ((params as { stream?: unknown }).stream)
    throw new OpenAIError('parseResponse does not stream; use streamResponse for a streamed response.')
  return mapAPIPromise(createResponse(client, params, options), (response) => {
    if (response.status === 'incomplete') throw new ResponseIncompleteError(response)
    const format = params.text?.format as Partial<AutoParseableTextFormat<unknown>> | undefined
    const parse = format?.$parseRaw?.bind(format) ?? (format?.type === 'json_schema' ? parseJSON : undefined)
    const strictTools = new Set(
      (params.tools ?? []).flatMap((t) => (t.type === 'function' && t.strict ? [t.name] : [])),
    )
    let parsed: unknown = null
    let refusal: string | undefined
    for (const item of response.output as any[]) {
      if (item.type === 'function_call' && strictTools.has(item.name))
        item.parsed_arguments = parseJSON(item.arguments)
      if (item.type !== 'message' || (item.phase && item.phase !== 'final_answer')) continue
      for (const part of item.content) {
        if (part.type === 'refusal') refusal ??= part.refusal
        if (part.type !== 'output_text' || !parse) continue
        part.parsed = parse(part.text)
        parsed ??= part.parsed
      }
    }
    if (refusal !== undefined && parsed === null) throw new ResponseRefusalError(refusal, response)
    return Object.assign(response, { output_parsed: parsed }) as ParsedResponse<ParsedOutput<P>>
  })
}
