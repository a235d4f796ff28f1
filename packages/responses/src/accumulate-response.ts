import { APIError, OpenAIError } from '@acme/openai-core'
import type { Response, ResponseStreamEvent } from './generated/types'

// Streamed text per event family: where it lives (c: content part, s: reasoning summary part, i: the item itself)
// and under which field. `<family>.delta` appends `delta`; `<family>.done` carries the whole value in that field.
const TEXT_FIELDS: Record<string, [where: 'c' | 's' | 'i', field: string]> = {
  output_text: ['c', 'text'],
  refusal: ['c', 'refusal'],
  reasoning_text: ['c', 'text'],
  reasoning_summary_text: ['s', 'text'],
  function_call_arguments: ['i', 'arguments'],
  custom_tool_call_input: ['i', 'input'],
  mcp_call_arguments: ['i', 'arguments'],
  code_interpreter_call_code: ['i', 'code'],
}

const EVENT = /^response\.(\w+)\.(delta|done|added)$/

/** Where the accumulated response of a stream lives between events. */
export interface ResponseSnapshot {
  response?: Response
}

/**
 * Folds one stream event into `state.response` (deep copies, so listeners can keep what they were given).
 * Returns the accumulated text after a text delta, e.g. the whole `output_text` part so far.
 * Throws an `OpenAIError` for an event that refers to an item or part no earlier event announced.
 * @internal
 */
export function _accumulateResponse(state: ResponseSnapshot, event: ResponseStreamEvent): string | undefined {
  const e = event as any
  const type: string = e.type
  if (type === 'error') throw new APIError(undefined, e, e.message, undefined)
  const previous = state.response
  if (e.response) {
    const next = structuredClone(e.response)
    // Interim snapshots arrive with `output: []`; keep what the deltas built.
    if (previous && !next.output?.length) next.output = previous.output
    next.output ??= []
    state.response = next
    return
  }
  if (e.output_index === undefined) return
  const family = EVENT.exec(type)
  const kind = family?.[1]
  const fields = kind ? TEXT_FIELDS[kind] : undefined
  if (kind !== 'output_item' && kind !== 'content_part' && kind !== 'reasoning_summary_part' && !fields)
    if (type !== 'response.output_text.annotation.added') return
  if (!previous) throw new OpenAIError(`Received ${type} before response.created: the stream is malformed.`)
  const output = previous.output as any[]
  const index: number = e.output_index
  if (type === 'response.output_item.added') {
    output[index] = structuredClone(e.item)
    return
  }
  const item = output[index]
  if (!item)
    throw new OpenAIError(
      `Received ${type} for output item ${index}, but no response.output_item.added announced that item.`,
    )
  if (kind === 'output_item') {
    output[index] = structuredClone(e.item)
    return
  }
  if (kind === 'content_part' || kind === 'reasoning_summary_part') {
    const list = kind === 'content_part' ? (item.content ??= []) : (item.summary ??= [])
    list[kind === 'content_part' ? e.content_index : e.summary_index] = structuredClone(e.part)
    return
  }
  let target = item
  if (fields?.[0] !== 'i') {
    const s = fields?.[0] === 's'
    const position = s ? e.summary_index : e.content_index
    target = (s ? item.summary : item.content)?.[position]
    if (!target)
      throw new OpenAIError(
        `Received ${type} for ${s ? 'summary' : 'content'} part ${position} of output item ${index}, but no ${
          s ? 'response.reasoning_summary_part.added' : 'response.content_part.added'
        } announced that part.`,
      )
    if (kind === 'output_text' && target.type !== 'output_text')
      throw new OpenAIError(
        `Received ${type} for content part ${position} of output item ${index}, which is ${target.type}, not output_text.`,
      )
  }
  if (!fields) {
    ;(target.annotations ??= [])[e.annotation_index] = structuredClone(e.annotation)
    return
  }
  const field = fields[1]
  target[field] = family![2] === 'delta' ? (target[field] ?? '') + e.delta : e[field]
  return target[field]
}
