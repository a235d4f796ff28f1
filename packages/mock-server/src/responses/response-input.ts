import { contentText } from '../generate/content-text'
import { isRecord } from '../is-record'

/** An input item as stored and listed by `input_items` (always has an `id` and a `type`). */
export type InputItem = Record<string, unknown> & { id: string; type: string }

const ID_PREFIX: Record<string, string> = {
  message: 'msg',
  function_call: 'fc',
  function_call_output: 'fco',
  item_reference: 'ref',
}

function toMessageItem(message: Record<string, unknown>, id: string): InputItem {
  const role = typeof message.role === 'string' ? message.role : 'user'
  const partType = role === 'assistant' ? 'output_text' : 'input_text'
  const content =
    typeof message.content === 'string'
      ? [{ type: partType, text: message.content }]
      : (message.content ?? [])
  return { id, type: 'message', role, status: 'completed', content }
}

/**
 * The request `input` as stored items with ids: a string becomes one user message, easy messages
 * (`{ role, content: string }`) get `input_text` parts, other items keep their fields.
 */
export function toInputItems(input: unknown, newId: (prefix: string) => string): InputItem[] {
  if (typeof input === 'string') return [toMessageItem({ role: 'user', content: input }, newId('msg'))]
  if (!Array.isArray(input)) return []
  return input.filter(isRecord).map((item) => {
    const type = typeof item.type === 'string' ? item.type : 'message'
    const id = typeof item.id === 'string' ? item.id : newId(ID_PREFIX[type] ?? 'item')
    if (type === 'message') return toMessageItem(item, id)
    return { ...item, id, type }
  })
}

/** The text the mock answers: the last user message, or a tool result that came after it. */
export function replySource(items: readonly InputItem[]): { source: string; fromUser: boolean } {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]
    if (item.type === 'message' && item.role === 'user')
      return { source: contentText(item.content), fromUser: true }
    if (item.type === 'function_call_output') {
      const output = typeof item.output === 'string' ? item.output : contentText(item.output)
      return { source: output, fromUser: false }
    }
  }
  return { source: '', fromUser: false }
}
