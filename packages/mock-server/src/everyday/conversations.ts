import { isRecord } from '../is-record'
import { nextId } from '../mock-state'
import { sendError, sendJson, sendNotFound } from '../reply'
import type { BuiltResponse } from '../responses/build-response'
import { toInputItems } from '../responses/response-input'
import type { RouteContext } from '../route'
import { buildObject, collectionAt, type Stored, storedOr404 } from './resources'

const CONVERSATIONS = '/v1/conversations'
const itemsPath = (conversationId: string) => `${CONVERSATIONS}/${encodeURIComponent(conversationId)}/items`

/** At most this many items per create call, as the real API allows. */
const MAX_ITEMS = 20

function addItems(ctx: RouteContext, conversationId: string, input: unknown): Stored[] {
  const items = collectionAt(ctx.state, itemsPath(conversationId))
  const added = toInputItems(input, (prefix) => nextId(ctx.state, prefix)) as Stored[]
  for (const item of added) items.set(item.id, item)
  return added
}

function itemsProblem(ctx: RouteContext, items: unknown): boolean {
  if (items === undefined) return false
  if (!Array.isArray(items) || items.length > MAX_ITEMS || !items.every(isRecord)) {
    sendError(ctx.res, 400, `Invalid 'items': expected an array of at most ${MAX_ITEMS} item objects.`, {
      param: 'items',
    })
    return true
  }
  return false
}

/** `POST /v1/conversations`: a conversation, with the `items` of the body as its first items. */
export function createConversation(ctx: RouteContext) {
  const body = isRecord(ctx.request.json) ? ctx.request.json : {}
  if (itemsProblem(ctx, body.items)) return
  const conversation = buildObject(ctx, 'ConversationResource', { prefix: ['conv'], body })
  if (conversation.metadata === null) conversation.metadata = {}
  collectionAt(ctx.state, CONVERSATIONS).set(conversation.id, conversation)
  addItems(ctx, conversation.id, body.items)
  sendJson(ctx.res, 200, conversation)
}

/** `POST /v1/conversations/{id}/items`: appends `items`, answers the list of the added ones. */
export function createConversationItems(ctx: RouteContext) {
  if (!storedOr404(ctx, '/v1/conversations/:conversation_id', 'conversation')) return
  const body = isRecord(ctx.request.json) ? ctx.request.json : {}
  if (body.items === undefined)
    return sendError(ctx.res, 400, "Missing required parameter: 'items'.", { param: 'items' })
  if (itemsProblem(ctx, body.items)) return
  const added = addItems(ctx, ctx.params.conversation_id, body.items)
  sendJson(ctx.res, 200, {
    object: 'list',
    data: added,
    first_id: added[0]?.id ?? '',
    last_id: added.at(-1)?.id ?? '',
    has_more: false,
  })
}

/** `DELETE /v1/conversations/{id}/items/{item_id}`: answers the conversation the item was removed from. */
export function deleteConversationItem(ctx: RouteContext) {
  const conversation = storedOr404(ctx, '/v1/conversations/:conversation_id', 'conversation')
  if (!conversation) return
  const items = collectionAt(ctx.state, itemsPath(ctx.params.conversation_id))
  if (!items.delete(ctx.params.item_id)) return sendNotFound(ctx.res, 'item', ctx.params.item_id)
  sendJson(ctx.res, 200, conversation)
}

/**
 * The conversation a `POST /v1/responses` body names (`conversation: 'conv_…'` or `{ id }`): `null` when it names
 * none, `undefined` after answering 400/404 for a bad or unknown one.
 */
export function conversationOf(ctx: RouteContext, body: Record<string, unknown>): string | null | undefined {
  const named = body.conversation
  if (named === undefined || named === null) return null
  const id = typeof named === 'string' ? named : isRecord(named) ? named.id : undefined
  if (typeof id !== 'string' || id === '') {
    sendError(ctx.res, 400, "Invalid 'conversation': expected a conversation id or { id }.", {
      param: 'conversation',
    })
    return undefined
  }
  if (body.previous_response_id !== undefined) {
    sendError(ctx.res, 400, "Send either 'conversation' or 'previous_response_id', not both.", {
      param: 'conversation',
    })
    return undefined
  }
  if (!collectionAt(ctx.state, CONVERSATIONS).has(id)) {
    sendError(ctx.res, 404, `Conversation with id '${id}' not found.`, { param: 'conversation' })
    return undefined
  }
  return id
}

/** Adds a response's input and output items to its conversation and names the conversation on the response. */
export function addResponseToConversation(
  ctx: RouteContext,
  conversationId: string,
  built: BuiltResponse,
): void {
  const items = collectionAt(ctx.state, itemsPath(conversationId))
  for (const item of [...built.inputItems, ...built.final.output]) items.set(item.id, item as Stored)
  built.initial.conversation = { id: conversationId }
  built.final.conversation = { id: conversationId }
}
