import {
  type BuiltChatCompletion,
  buildChatCompletion,
  type ChatCompletion,
} from '../chat/build-chat-completion'
import { chatCompletionChunks } from '../chat/chat-chunks'
import { sendCursorList } from '../cursor-list'
import { contentText } from '../generate/content-text'
import { isTriggerError } from '../generate/reply-text'
import { isRecord } from '../is-record'
import { nextId, storeFor } from '../mock-state'
import { sendError, sendJson, sendNotFound } from '../reply'
import type { Route, RouteContext } from '../route'
import { openEventStream, sseFrame, writeChunk } from '../sse'

/** A completion created with `store: true`, with the request messages it answered. */
export interface StoredChatCompletion {
  completion: ChatCompletion & { metadata: Record<string, string> }
  messages: Array<Record<string, unknown> & { id: string }>
}

const chatStore = (ctx: RouteContext) => storeFor<StoredChatCompletion>(ctx.state, 'chat.completions')

/** Whether a create body is usable; answers 400 (and returns false) when it is not. */
function isValidCreateBody(ctx: RouteContext, body: unknown): body is Record<string, unknown> {
  const { res } = ctx
  if (!isRecord(body)) {
    sendError(res, 400, 'We could not parse the JSON body of your request. Send a JSON object.')
  } else if (typeof body.model !== 'string' || body.model === '') {
    sendError(res, 400, "Missing required parameter: 'model'.", {
      param: 'model',
      code: 'missing_required_parameter',
    })
  } else if (!Array.isArray(body.messages) || body.messages.length === 0) {
    sendError(res, 400, "Missing required parameter: 'messages' (a non-empty array).", {
      param: 'messages',
      code: 'missing_required_parameter',
    })
  } else if (
    body.n !== undefined &&
    !(Number.isInteger(body.n) && (body.n as number) >= 1 && (body.n as number) <= 128)
  ) {
    sendError(res, 400, "Invalid 'n': expected an integer between 1 and 128.", { param: 'n' })
  } else return true
  return false
}

function storedMessages(id: string, messages: unknown[]): StoredChatCompletion['messages'] {
  return messages.filter(isRecord).map((message, index) => ({
    ...message,
    id: `${id}-${index}`,
    content:
      typeof message.content === 'string'
        ? message.content
        : message.content
          ? contentText(message.content)
          : null,
    content_parts: Array.isArray(message.content) ? message.content : null,
  }))
}

async function streamCompletion(
  ctx: RouteContext,
  built: BuiltChatCompletion,
  body: Record<string, unknown>,
) {
  const failMidway = isTriggerError(built.source)
  const includeUsage = isRecord(body.stream_options) && body.stream_options.include_usage === true
  openEventStream(ctx.res)
  for (const chunk of chatCompletionChunks(built, { includeUsage, failMidway })) {
    if (!(await writeChunk(ctx.res, sseFrame(JSON.stringify(chunk))))) return
  }
  if (failMidway || (await writeChunk(ctx.res, sseFrame('[DONE]')))) ctx.res.end()
}

/** `POST /v1/chat/completions`: a deterministic `chat.completion`, or `chat.completion.chunk` SSE with `stream: true`. */
export async function createChatCompletion(ctx: RouteContext): Promise<void> {
  const body = ctx.request.json
  if (!isValidCreateBody(ctx, body)) return
  const built = buildChatCompletion(body, (prefix, separator) => nextId(ctx.state, prefix, separator))
  const stream = body.stream === true
  if (body.store === true && !(stream && isTriggerError(built.source))) {
    const metadata = isRecord(body.metadata) ? (body.metadata as Record<string, string>) : {}
    chatStore(ctx).set(built.completion.id, {
      completion: { ...built.completion, metadata },
      messages: storedMessages(built.completion.id, body.messages as unknown[]),
    })
  }
  if (stream) return streamCompletion(ctx, built, body)
  sendJson(ctx.res, 200, built.completion)
}

/** `GET /v1/chat/completions`: stored completions (cursor list; `model` and `metadata[key]` filters). */
export function listChatCompletions(ctx: RouteContext): void {
  const { query } = ctx.request
  const filters = Object.entries(query).flatMap(([key, value]) => {
    const name = /^metadata\[(.+)\]$/.exec(key)?.[1]
    return name && typeof value === 'string' ? [[name, value] as const] : []
  })
  const completions = [...chatStore(ctx).values()]
    .map((stored) => stored.completion)
    .filter((c) => typeof query.model !== 'string' || c.model === query.model)
    .filter((c) => filters.every(([name, value]) => c.metadata[name] === value))
  sendCursorList(ctx.res, completions, query, { limit: 20, order: 'asc' })
}

function storedOr404(ctx: RouteContext): StoredChatCompletion | undefined {
  const stored = chatStore(ctx).get(ctx.params.id)
  if (!stored) sendNotFound(ctx.res, 'chat completion', ctx.params.id)
  return stored
}

/** `GET /v1/chat/completions/{id}`. */
export function retrieveChatCompletion(ctx: RouteContext): void {
  const stored = storedOr404(ctx)
  if (stored) sendJson(ctx.res, 200, stored.completion)
}

/** `POST /v1/chat/completions/{id}`: replaces its `metadata`. */
export function updateChatCompletion(ctx: RouteContext): void {
  const stored = storedOr404(ctx)
  if (!stored) return
  const body = ctx.request.json
  if (!isRecord(body) || !isRecord(body.metadata)) {
    sendError(ctx.res, 400, "Missing required parameter: 'metadata' (an object of strings).", {
      param: 'metadata',
      code: 'missing_required_parameter',
    })
    return
  }
  stored.completion = { ...stored.completion, metadata: body.metadata as Record<string, string> }
  sendJson(ctx.res, 200, stored.completion)
}

/** `DELETE /v1/chat/completions/{id}`. */
export function deleteChatCompletion(ctx: RouteContext): void {
  if (!storedOr404(ctx)) return
  chatStore(ctx).delete(ctx.params.id)
  sendJson(ctx.res, 200, { object: 'chat.completion.deleted', id: ctx.params.id, deleted: true })
}

/** `GET /v1/chat/completions/{id}/messages`: the request messages (cursor list). */
export function listChatCompletionMessages(ctx: RouteContext): void {
  const stored = storedOr404(ctx)
  if (stored) sendCursorList(ctx.res, stored.messages, ctx.request.query, { limit: 20, order: 'asc' })
}

/** Routes of the Chat Completions API. */
export const chatCompletionsRoutes: readonly Route[] = [
  { method: 'POST', path: '/v1/chat/completions', handle: createChatCompletion },
  { method: 'GET', path: '/v1/chat/completions', handle: listChatCompletions },
  { method: 'GET', path: '/v1/chat/completions/:id', handle: retrieveChatCompletion },
  { method: 'POST', path: '/v1/chat/completions/:id', handle: updateChatCompletion },
  { method: 'DELETE', path: '/v1/chat/completions/:id', handle: deleteChatCompletion },
  { method: 'GET', path: '/v1/chat/completions/:id/messages', handle: listChatCompletionMessages },
]
