import { textPieces, wordChunks } from '../generate/reply-text'
import type { BuiltResponse, OutputItem } from './build-response'

/** One Responses streaming event: `type`, `sequence_number` and its fields. */
export type ResponseEvent = Record<string, unknown> & { type: string; sequence_number: number }

/** The mid-stream error the magic input `"trigger error"` produces. */
export const TRIGGERED_STREAM_ERROR = {
  code: 'server_error',
  message: 'The mock server failed this stream on purpose (the input was "trigger error").',
  param: null,
}

type Emit = (type: string, fields: Record<string, unknown>) => void

function messageEvents(item: OutputItem, outputIndex: number, emit: Emit, failMidway: boolean): boolean {
  const [part] = item.content as Array<{ text: string }>
  const ids = { item_id: item.id, output_index: outputIndex, content_index: 0 }
  emit('response.output_item.added', {
    output_index: outputIndex,
    item: { ...item, status: 'in_progress', content: [] },
  })
  emit('response.content_part.added', { ...ids, part: { ...part, text: '' } })
  for (const delta of wordChunks(part.text)) {
    emit('response.output_text.delta', { ...ids, delta, logprobs: [] })
    if (failMidway) return false
  }
  if (failMidway) return false
  emit('response.output_text.done', { ...ids, text: part.text, logprobs: [] })
  emit('response.content_part.done', { ...ids, part })
  return true
}

function functionCallEvents(item: OutputItem, outputIndex: number, emit: Emit, failMidway: boolean): boolean {
  const args = String(item.arguments)
  const ids = { item_id: item.id, output_index: outputIndex }
  emit('response.output_item.added', {
    output_index: outputIndex,
    item: { ...item, status: 'in_progress', arguments: '' },
  })
  for (const delta of textPieces(args)) {
    emit('response.function_call_arguments.delta', { ...ids, delta })
    if (failMidway) return false
  }
  if (failMidway) return false
  emit('response.function_call_arguments.done', { ...ids, name: item.name, arguments: args })
  return true
}

/**
 * The full SSE event sequence of a response, in the API's order: created, (queued,) in_progress, per item
 * added / part added / deltas / done..., then completed or incomplete. With `failMidway` it stops after the
 * first delta with an `error` event instead.
 */
export function responseEvents(built: BuiltResponse, failMidway = false): ResponseEvent[] {
  const events: ResponseEvent[] = []
  const emit: Emit = (type, fields) => events.push({ type, sequence_number: events.length, ...fields })
  const { initial, final } = built
  emit('response.created', { response: initial })
  if (initial.status === 'queued') emit('response.queued', { response: initial })
  emit('response.in_progress', { response: { ...initial, status: 'in_progress' } })
  for (const [index, item] of final.output.entries()) {
    const finished =
      item.type === 'function_call'
        ? functionCallEvents(item, index, emit, failMidway)
        : messageEvents(item, index, emit, failMidway)
    if (!finished) {
      emit('error', { ...TRIGGERED_STREAM_ERROR })
      return events
    }
    emit('response.output_item.done', { output_index: index, item })
  }
  emit(final.status === 'incomplete' ? 'response.incomplete' : 'response.completed', { response: final })
  return events
}

/** An event as an SSE frame: `event: <type>`, `data: <json>`, blank line. */
export function responseEventFrame(event: ResponseEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`
}
