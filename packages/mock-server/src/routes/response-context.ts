import type { ServerResponse } from 'node:http'
import { countTokens } from '../generate/reply-text'
import { isRecord } from '../is-record'
import { nextId, storeFor } from '../mock-state'
import { sendError, sendJson } from '../reply'
import { inputTokenCount } from '../responses/build-response'
import { type InputItem, toInputItems } from '../responses/response-input'
import type { Route, RouteContext } from '../route'
import type { StoredResponse } from './responses'

/** Whether `body` is a JSON object with a usable `input`; answers 400 (and returns false) when it is not. */
function isValidBody(body: unknown, res: ServerResponse): body is Record<string, unknown> {
  if (!isRecord(body)) {
    sendError(res, 400, 'We could not parse the JSON body of your request. Send a JSON object.')
    return false
  }
  const { input } = body
  if (input != null && typeof input !== 'string' && !Array.isArray(input)) {
    sendError(res, 400, "Invalid type for 'input': expected a string or an array of input items.", {
      param: 'input',
      code: 'invalid_type',
    })
    return false
  }
  return true
}

/** Whether `model` is absent or a string; answers 400 (and returns false) when it is something else. */
function isValidOptionalModel(model: unknown, res: ServerResponse): boolean {
  if (model == null || typeof model === 'string') return true
  sendError(res, 400, "Invalid type for 'model': expected a string.", {
    param: 'model',
    code: 'invalid_type',
  })
  return false
}

/**
 * The stored response `previous_response_id` names, `null` when there is none, or `undefined` after answering 404
 * (the same answer as create's).
 */
function previousResponse(
  ctx: RouteContext,
  body: Record<string, unknown>,
): StoredResponse | null | undefined {
  const id = body.previous_response_id
  if (typeof id !== 'string') return null
  const stored = storeFor<StoredResponse>(ctx.state, 'responses').get(id)
  if (stored) return stored
  sendError(ctx.res, 404, `Previous response with id '${id}' not found.`, {
    param: 'previous_response_id',
    code: 'previous_response_not_found',
  })
  return undefined
}

/**
 * `POST /v1/responses/input_tokens`: `{ object: 'response.input_tokens', input_tokens }`, counted exactly as a
 * create with the same fields reports `usage.input_tokens` (instructions and input, about four characters a token).
 * Every field is optional, as in the spec.
 */
export function countInputTokens(ctx: RouteContext): void {
  const body = ctx.request.json
  if (!isValidBody(body, ctx.res) || !isValidOptionalModel(body.model, ctx.res)) return
  if (previousResponse(ctx, body) === undefined) return
  // Ids only matter for their length in the count, so counting draws none from the server's counters.
  const items = toInputItems(body.input, (prefix) => `${prefix}_mock_0000`)
  sendJson(ctx.res, 200, { object: 'response.input_tokens', input_tokens: inputTokenCount(body, items) })
}

/**
 * `POST /v1/responses/compact`: a `response.compaction` whose `output` is every user message of the history (the
 * previous response's input and output, then `input`) followed by one `compaction` item. Its `encrypted_content`
 * is an opaque, deterministic encoding of the other items; `usage` counts the history in and those items out.
 */
export function compactResponse(ctx: RouteContext): void {
  const { res, state } = ctx
  const body = ctx.request.json
  if (!isValidBody(body, res)) return
  if (typeof body.model !== 'string' || body.model === '') {
    sendError(res, 400, "Missing required parameter: 'model'.", {
      param: 'model',
      code: 'missing_required_parameter',
    })
    return
  }
  const previous = previousResponse(ctx, body)
  if (previous === undefined) return
  const noInput = body.input == null || (Array.isArray(body.input) && body.input.length === 0)
  if (previous === null && noInput) {
    sendError(res, 400, "Nothing to compact: give 'input' or 'previous_response_id'.", { param: 'input' })
    return
  }
  const history: InputItem[] = [
    ...(previous ? [...previous.inputItems, ...previous.final.output] : []),
    ...toInputItems(body.input, (prefix) => nextId(state, prefix)),
  ]
  const isUserMessage = (item: InputItem) => item.type === 'message' && item.role === 'user'
  const summary = JSON.stringify(history.filter((item) => !isUserMessage(item)))
  const inputTokens = inputTokenCount(body, history)
  const outputTokens = countTokens(summary)
  sendJson(res, 200, {
    id: nextId(state, 'resp'),
    object: 'response.compaction',
    created_at: Math.floor(Date.now() / 1000),
    output: [
      ...history.filter(isUserMessage),
      {
        id: nextId(state, 'cmp'),
        type: 'compaction',
        encrypted_content: `mock_compaction:${Buffer.from(summary).toString('base64')}`,
      },
    ],
    usage: {
      input_tokens: inputTokens,
      input_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 },
      output_tokens: outputTokens,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: inputTokens + outputTokens,
    },
  })
}

/** Routes of the Responses API's context tools: token counting and compaction. */
export const responseContextRoutes: readonly Route[] = [
  { method: 'POST', path: '/v1/responses/input_tokens', handle: countInputTokens },
  { method: 'POST', path: '/v1/responses/compact', handle: compactResponse },
]
