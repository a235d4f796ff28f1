import type { ResponseWithOutputText } from '../types'
import { ResponseIncompleteError, ResponseParseError, ResponseRefusalError } from './parse-errors'
import type { ParsedResponse } from './types'
import type { AutoParseableTextFormat } from './zod-text-format'

/** The request fields parsing looks at; a resumed stream passes them again, as in the official client. */
export interface _ParseParams {
  text?: { format?: unknown } | null
  tools?: readonly unknown[] | null
}

function parseJSON(content: string): unknown {
  try {
    return JSON.parse(content)
  } catch (cause) {
    throw new ResponseParseError('The structured output is not valid JSON.', { cause })
  }
}

// The tool a call belongs to, matched by namespace and name as the official client does.
function findTool(tools: readonly any[], name: string, namespace: string | undefined): any {
  for (const tool of tools) {
    if (namespace == null) {
      if (tool?.type === 'function' && tool.name === name) return tool
    } else if (tool?.type === 'namespace' && tool.name === namespace)
      // A declared namespace owns the name, even without a matching function.
      return tool.tools?.find((t: any) => t?.type === 'function' && t.name === name)
  }
  // Tool search reports a deferred top-level function under a namespace of its own name.
  if (namespace === name)
    return tools.find((t) => t?.type === 'function' && t.name === name && t.defer_loading === true)
}

function parseArguments(tool: any, call: { name: string; arguments: string }): unknown {
  if (typeof tool?.$parseRaw === 'function') return tool.$parseRaw(call.arguments)
  if (tool?.strict !== true) return null
  try {
    return JSON.parse(call.arguments)
  } catch (cause) {
    throw new ResponseParseError(`The arguments of the ${call.name} call are not valid JSON.`, { cause })
  }
}

/**
 * Adds `output_parsed`, `parsed` (on `output_text` parts) and `parsed_arguments` (on function calls) to a response,
 * in place. Only a completed response (or one without a status) is parsed, as in the official client; an
 * incomplete one throws `ResponseIncompleteError`, a refusal instead of the requested structured output
 * `ResponseRefusalError`, output or arguments that do not parse or validate `ResponseParseError`.
 * @internal
 */
export function _parseOutput<T = unknown, Tools = unknown>(
  response: ResponseWithOutputText,
  params: _ParseParams,
): ParsedResponse<T, Tools> {
  if (response.status === 'incomplete') throw new ResponseIncompleteError(response)
  const complete = !response.status || response.status === 'completed'
  const format = params.text?.format as Partial<AutoParseableTextFormat<unknown>> | undefined
  const parse = format?.$parseRaw?.bind(format) ?? (format?.type === 'json_schema' ? parseJSON : undefined)
  let parsed: unknown = null
  let refusal: string | undefined
  for (const item of response.output as any[]) {
    if (item.type === 'function_call')
      item.parsed_arguments = complete
        ? parseArguments(findTool(params.tools ?? [], item.name, item.namespace), item)
        : null
    if (item.type !== 'message') continue
    // Commentary is not the answer: only the final answer (or a message without a phase) is parsed.
    const final = complete && (!item.phase || item.phase === 'final_answer')
    for (const part of item.content ?? []) {
      if (part.type === 'refusal' && final) refusal ??= part.refusal
      if (part.type !== 'output_text') continue
      part.parsed = final && parse ? parse(part.text) : null
      parsed ??= part.parsed
    }
  }
  if (parse && refusal !== undefined && parsed === null) throw new ResponseRefusalError(refusal, response)
  return Object.assign(response, { output_parsed: parsed }) as unknown as ParsedResponse<T, Tools>
}
