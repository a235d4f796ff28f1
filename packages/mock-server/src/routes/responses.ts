import type { ServerResponse } from 'node:http'
import { sendCursorList } from '../cursor-list'
import { addResponseToConversation, conversationOf } from '../everyday/conversations'
import { isTriggerError } from '../generate/reply-text'
import { isRecord } from '../is-record'
import { nextId, storeFor } from '../mock-state'
import { queryValue } from '../query-value'
import { sendError, sendJson, sendNotFound } from '../reply'
import { buildResponse, type WireResponse } from '../responses/build-response'
import { responseEventFrame, responseEvents } from '../responses/response-events'
import { type InputItem, replySource } from '../responses/response-input'
import type { Route, RouteContext } from '../route'
import { openEventStream, writeChunk } from '../sse'

/** A response kept for retrieve/replay (`store` not false). */
export interface StoredResponse {
  /** What retrieve returns now (a background response moves from `queued` to `final` on retrieve). */
  current: WireResponse
  final: WireResponse
  /** Its event stream, for `GET ?stream=true&starting_after=N`. */
  frames: Array<{ sequence_number: number; frame: string }>
  inputItems: InputItem[]
}

const responsesStore = (ctx: RouteContext) => storeFor<StoredResponse>(ctx.state, 'responses')

async function writeFrames(res: ServerResponse, frames: readonly string[]): Promise<void> {
  openEventStream(res)
  for (const frame of frames) if (!(await writeChunk(res, frame))) return
  res.end()
}

/** Whether a create body is usable; answers 400 (and returns false) when it is not. */
function isValidCreateBody(body: unknown, res: ServerResponse): body is Record<string, unknown> {
  if (!isRecord(body)) {
    sendError(res, 400, 'We could not parse the JSON body of your request. Send a JSON object.')
    return false
  }
  if (typeof body.model !== 'string' || body.model === '') {
    sendError(res, 400, "Missing required parameter: 'model'.", {
      param: 'model',
      code: 'missing_required_parameter',
    })
    return false
  }
  if (body.input !== undefined && typeof body.input !== 'string' && !Array.isArray(body.input)) {
    sendError(res, 400, "Invalid type for 'input': expected a string or an array of input items.", {
      param: 'input',
      code: 'invalid_type',
    })
    return false
  }
  if (body.background === true && body.store === false) {
    sendError(res, 400, 'Background responses must be stored: remove `store: false` or `background: true`.', {
      param: 'background',
    })
    return false
  }
  return true
}

/** `POST /v1/responses`: a deterministic Response, or its SSE event stream with `stream: true`. */
export async function createResponse(ctx: RouteContext): Promise<void> {
  const { res, request, state } = ctx
  const body = request.json
  if (!isValidCreateBody(body, res)) return
  const store = responsesStore(ctx)
  const previous = body.previous_response_id
  if (typeof previous === 'string' && !store.has(previous)) {
    return sendError(res, 404, `Previous response with id '${previous}' not found.`, {
      param: 'previous_response_id',
      code: 'previous_response_not_found',
    })
  }
  const conversation = conversationOf(ctx, body)
  if (conversation === undefined) return
  const built = buildResponse(body, (prefix) => nextId(state, prefix))
  if (conversation) addResponseToConversation(ctx, conversation, built)
  const stream = body.stream === true
  const failMidway = stream && isTriggerError(replySource(built.inputItems).source)
  const events = responseEvents(built, failMidway)
  const frames = events.map((event) => ({
    sequence_number: event.sequence_number,
    frame: responseEventFrame(event),
  }))
  if (!failMidway && body.store !== false) {
    const current = built.final.background && !stream ? built.initial : built.final
    store.set(built.final.id, { current, final: built.final, frames, inputItems: built.inputItems })
  }
  if (stream)
    return writeFrames(
      res,
      frames.map((f) => f.frame),
    )
  sendJson(res, 200, built.final.background ? built.initial : built.final)
}

function storedOr404(ctx: RouteContext): StoredResponse | undefined {
  const stored = responsesStore(ctx).get(ctx.params.id)
  if (!stored) sendNotFound(ctx.res, 'response', ctx.params.id)
  return stored
}

/** `GET /v1/responses/{id}` (`?stream=true&starting_after=N` replays the events after N). */
export async function retrieveResponse(ctx: RouteContext): Promise<void> {
  const stored = storedOr404(ctx)
  if (!stored) return
  // A queued background response "finishes" the first time anyone looks at it.
  if (stored.current.status === 'queued') stored.current = stored.final
  const { query } = ctx.request
  if (queryValue(query.stream) !== 'true') return sendJson(ctx.res, 200, stored.current)
  const after = Number(queryValue(query.starting_after) || '-1')
  if (!Number.isInteger(after) || after < -1) {
    return sendError(
      ctx.res,
      400,
      "Invalid 'starting_after': expected a sequence number (an integer >= 0).",
      {
        param: 'starting_after',
      },
    )
  }
  await writeFrames(
    ctx.res,
    stored.frames.filter((f) => f.sequence_number > after).map((f) => f.frame),
  )
}

/** `DELETE /v1/responses/{id}`. */
export function deleteResponse(ctx: RouteContext): void {
  if (!storedOr404(ctx)) return
  responsesStore(ctx).delete(ctx.params.id)
  sendJson(ctx.res, 200, { id: ctx.params.id, object: 'response.deleted', deleted: true })
}

/** `POST /v1/responses/{id}/cancel`: only background responses that have not finished. */
export function cancelResponse(ctx: RouteContext): void {
  const stored = storedOr404(ctx)
  if (!stored) return
  const { current } = stored
  if (!current.background) {
    sendError(
      ctx.res,
      400,
      'Only background responses can be cancelled; this one was created without background: true.',
    )
  } else if (
    current.status === 'queued' ||
    current.status === 'in_progress' ||
    current.status === 'cancelled'
  ) {
    stored.current = { ...current, status: 'cancelled' }
    sendJson(ctx.res, 200, stored.current)
  } else {
    sendError(
      ctx.res,
      400,
      `Cannot cancel a response whose status is '${current.status}': it has already finished.`,
    )
  }
}

/** `GET /v1/responses/{id}/input_items`: the input as items with ids (cursor list, newest first by default). */
export function listInputItems(ctx: RouteContext): void {
  const stored = storedOr404(ctx)
  if (!stored) return
  sendCursorList(ctx.res, stored.inputItems, ctx.request.query, { limit: 20, order: 'desc' })
}

/** Routes of the Responses API. */
export const responsesRoutes: readonly Route[] = [
  { method: 'POST', path: '/v1/responses', handle: createResponse },
  { method: 'GET', path: '/v1/responses/:id', handle: retrieveResponse },
  { method: 'DELETE', path: '/v1/responses/:id', handle: deleteResponse },
  { method: 'POST', path: '/v1/responses/:id/cancel', handle: cancelResponse },
  { method: 'GET', path: '/v1/responses/:id/input_items', handle: listInputItems },
]
