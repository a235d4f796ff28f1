import { APIError, OpenAIError } from '@acme/openai-core'
import type { Response, ResponseStreamEvent } from './generated/types'

// Streamed text per event family: where it lives (c: content part, s: reasoning summary part, i: the item itself)
// and under which field. `<family>.delta` appends `delta`; `<family>.done` carries the whole value in that field.
const TEXT_FIELDS: Record<string, string> = {
  output_text: 'ctext',
  refusal: 'crefusal',
  reasoning_text: 'ctext',
  reasoning_summary_text: 'stext',
  function_call_arguments: 'iarguments',
  custom_tool_call_input: 'iinput',
  mcp_call_arguments: 'iarguments',
  code_interpreter_call_code: 'icode',
}

/** Where the accumulated response of a stream lives between events. */
export interface ResponseSnapshot {
  response?: Response
}

/**
 * Folds one stream event into `state.response` (deep copies, so listeners can keep what they were given).
 * Returns the accumulated text after a text delta, e.g. the whole `output_text` part so far.
 * Throws an `OpenAIError` for an event that refers to an item or part no earlier event added.
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
  const [, family, step] = /^response\.(\w+)\.(\w+)$/.exec(type) ?? []
  const fields = TEXT_FIELDS[family]
  const part = family === 'content_part' || family === 'reasoning_summary_part'
  const annotation = type === 'response.output_text.annotation.added'
  // `shell_call_command` events build a `shell_call`, `shell_call_output_content` ones a `shell_call_output`.
  const shell = family?.startsWith('shell_call_') && family.slice(0, family.lastIndexOf('_'))
  if (!(fields || part || annotation || shell || family === 'output_item')) return
  const missing = (what: string) =>
    new OpenAIError(`${type} refers to ${what}, which no earlier event added.`)
  // An index may replace an entry or append one: a hostile index must not grow a huge sparse array.
  const put = (list: any[], position: number, value: unknown, what: string) => {
    if (!(position >= 0 && position <= list.length))
      throw new OpenAIError(`${type} has an invalid ${what} index: ${position}.`)
    list[position] = structuredClone(value)
  }
  const check = (found: any, wanted: string, what = '') => {
    if (found.type !== wanted)
      throw new OpenAIError(`${type} refers to a ${found.type}${what}, not ${wanted} (output item ${index}).`)
  }
  const index = e.output_index
  const output = previous?.output as any[]
  if (!output) throw missing('a response')
  const item = output[index]
  if (!item && type !== 'response.output_item.added') throw missing(`output item ${index}`)
  if (family === 'output_item') return void put(output, index, e.item, 'output')
  if (shell) {
    check(item, shell)
    const results = shell !== 'shell_call'
    const list: any[] = results ? (item.output ??= []) : ((item.action ??= {}).commands ??= [])
    const command = e.command_index
    // `added` and `done` carry the whole command or result, deltas extend it (a result's outcome comes at `done`).
    if (step !== 'delta') put(list, command, e.command ?? e.output?.[0], 'command')
    else if (!results) put(list, command, (list[command] ?? '') + e.delta, 'command')
    else {
      put(list, command, list[command] ?? { stdout: '', stderr: '' }, 'command')
      for (const stream of ['stdout', 'stderr']) list[command][stream] += e.delta?.[stream] ?? ''
    }
    return
  }
  const summary = family === 'reasoning_summary_part' || fields?.[0] === 's'
  const position = summary ? e.summary_index : e.content_index
  const list = fields?.[0] === 'i' ? undefined : summary ? (item.summary ??= []) : (item.content ??= [])
  if (part) {
    put(list, position, e.part, summary ? 'summary' : 'content')
    return
  }
  const target = list ? list[position] : item
  if (!target) throw missing(`${summary ? 'summary' : 'content'} part ${position} of output item ${index}`)
  if (family === 'output_text') check(target, family, ' part')
  if (annotation) {
    put((target.annotations ??= []), e.annotation_index, e.annotation, 'annotation')
    return
  }
  const field = fields.slice(1)
  target[field] = step === 'delta' ? (target[field] ?? '') + e.delta : e[field]
  return target[field]
}
