import { isRecord } from '../is-record'
import { nextId } from '../mock-state'
import type { RealtimeWireError } from './realtime-session-config'
import { invalid, type SessionState } from './session-state'

/** `conversation.item.create`: checks the item, places it after `previous_item_id` (or last), announces it. */
export function createItem(s: SessionState, event: Record<string, any>, eventId: string | null) {
  const item = event.item
  if (!isRecord<any>(item))
    return s.fail(
      invalid("Missing required parameter: 'item'.", 'item', 'missing_required_parameter'),
      eventId,
    )
  const problem = itemProblem(item)
  if (problem) return s.fail(problem, eventId)
  if (item.id !== undefined && s.indexOf(item.id) !== -1)
    return s.fail(
      invalid(`Item with id '${item.id}' already exists.`, 'item.id', 'duplicate_item_id'),
      eventId,
    )
  let at = s.items.length
  const previous = event.previous_item_id
  if (previous === 'root') at = 0
  else if (previous !== undefined && previous !== null) {
    const index = s.indexOf(previous)
    if (index === -1)
      return s.fail(
        invalid(`Previous item with id '${previous}' not found.`, 'previous_item_id', 'item_not_found'),
        eventId,
      )
    at = index + 1
  }
  const stored = {
    id: item.id ?? nextId(s.mock, 'item'),
    object: 'realtime.item',
    ...item,
    status: 'completed',
  }
  const previousId = at === 0 ? null : s.items[at - 1].item.id
  s.items.splice(at, 0, { item: stored })
  s.emit({ type: 'conversation.item.added', previous_item_id: previousId, item: stored })
  s.emit({ type: 'conversation.item.done', previous_item_id: previousId, item: stored })
}

/** `conversation.item.retrieve`, `.delete` and `.truncate`: each needs an existing `item_id`. */
export function changeItem(s: SessionState, event: Record<string, any>, eventId: string | null) {
  const index = s.indexOf(event.item_id)
  if (index === -1)
    return s.fail(
      invalid(`Item with item_id not found: ${String(event.item_id)}`, 'item_id', 'item_not_found'),
      eventId,
    )
  const stored = s.items[index]
  if (event.type === 'conversation.item.retrieve')
    return s.emit({ type: 'conversation.item.retrieved', item: stored.item })
  if (event.type === 'conversation.item.delete') {
    s.items.splice(index, 1)
    return s.emit({ type: 'conversation.item.deleted', item_id: stored.item.id })
  }
  const end = event.audio_end_ms
  if (stored.audioMs === undefined)
    return s.fail(invalid('Only assistant messages with audio can be truncated.', 'item_id'), eventId)
  if (!Number.isInteger(end) || end < 0 || end > stored.audioMs)
    return s.fail(
      invalid(
        `Audio content of ${stored.audioMs}ms is shorter than requested audio_end_ms of ${String(end)}ms.`,
        'audio_end_ms',
      ),
      eventId,
    )
  stored.audioMs = end
  for (const part of stored.item.content ?? []) if (part.type === 'output_audio') part.transcript = ''
  s.emit({
    type: 'conversation.item.truncated',
    item_id: stored.item.id,
    content_index: event.content_index ?? 0,
    audio_end_ms: end,
  })
}

/** Why a client-created item is refused, or `null`. */
function itemProblem(item: Record<string, any>): RealtimeWireError | null {
  switch (item.type) {
    case 'message': {
      if (!['system', 'user', 'assistant'].includes(item.role))
        return invalid(
          `Invalid value: '${String(item.role)}'. Supported values are: 'system', 'user' and 'assistant'.`,
          'item.role',
        )
      if (!Array.isArray(item.content))
        return invalid(
          "Missing required parameter: 'item.content'.",
          'item.content',
          'missing_required_parameter',
        )
      const allowed =
        item.role === 'user'
          ? ['input_text', 'input_audio', 'input_image']
          : item.role === 'system'
            ? ['input_text']
            : ['output_text']
      for (const [i, part] of item.content.entries())
        if (!isRecord<any>(part) || !allowed.includes(part.type))
          return invalid(
            `Invalid 'item.content[${i}].type' for a ${item.role} message: use ${allowed.map((t) => `'${t}'`).join(' or ')}.`,
            `item.content[${i}].type`,
          )
      return null
    }
    case 'function_call':
      return typeof item.name === 'string' && typeof item.arguments === 'string'
        ? null
        : invalid(
            'A function_call item needs `name` and `arguments` strings.',
            'item',
            'missing_required_parameter',
          )
    case 'function_call_output':
      return typeof item.call_id === 'string' && typeof item.output === 'string'
        ? null
        : invalid(
            'A function_call_output item needs `call_id` and `output` strings.',
            'item',
            'missing_required_parameter',
          )
    case undefined:
      return invalid("Missing required parameter: 'item.type'.", 'item.type', 'missing_required_parameter')
    default:
      return invalid(
        `Invalid value: '${String(item.type)}'. Supported values are: 'message', 'function_call' and 'function_call_output'.`,
        'item.type',
      )
  }
}
