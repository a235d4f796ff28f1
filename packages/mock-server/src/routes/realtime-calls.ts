import type { ServerResponse } from 'node:http'
import { isRecord } from '../is-record'
import { type MockState, nextId, storeFor } from '../mock-state'
import { defaultSession, updateSession } from '../realtime/realtime-session-config'
import {
  CALLS_AREA,
  CLIENT_SECRETS_AREA,
  type IssuedClientSecret,
  type MockRealtimeCall,
} from '../realtime/realtime-upgrade'
import { sdpAnswer, sdpOfferProblem } from '../realtime/sdp-answer'
import { sendError, sendNotFound } from '../reply'
import type { Route, RouteContext } from '../route'
import { multipartBoundary, parseMultipart } from './multipart-stream'

const calls = (state: MockState) => storeFor<MockRealtimeCall>(state, CALLS_AREA)

/** The 200 with no body that the call control routes answer. */
function sendEmpty(res: ServerResponse): void {
  if (res.headersSent || res.destroyed) return
  res.writeHead(200, { 'content-length': '0' })
  res.end()
}

/** The text of each part of a small, fully read multipart body, by field name. */
async function formParts(body: Uint8Array, boundary: string): Promise<Map<string, string>> {
  const parts = new Map<string, string>()
  let name: string | undefined
  for await (const event of parseMultipart(
    (async function* () {
      yield body
    })(),
    boundary,
  )) {
    if (event.kind === 'part') parts.set((name = event.part.name), '')
    else if (name !== undefined) parts.set(name, parts.get(name) + event.bytes.toString('utf8'))
  }
  return parts
}

/**
 * `POST /v1/realtime/calls`: takes a WebRTC offer, raw (`application/sdp`, the ephemeral-key flow) or multipart
 * (`sdp` part and an optional `session` JSON part), and answers 201 with a deterministic SDP answer and
 * `Location: /v1/realtime/calls/rtc_mock_…`. The call's session is the one sent, else the ephemeral key's, else the
 * default; an `ek_mock_…` key must be one the server issued and not expired.
 */
export async function createCall({ res, request, state }: RouteContext) {
  const contentType = request.headers['content-type'] ?? ''
  const type = contentType.split(';')[0].trim().toLowerCase()
  let offer: string
  let sessionText: string | undefined
  if (type === 'application/sdp') offer = request.text
  else if (type === 'multipart/form-data') {
    const boundary = multipartBoundary(contentType)
    if (!boundary) return sendError(res, 400, 'The multipart/form-data content type has no boundary.')
    let parts: Map<string, string>
    try {
      parts = await formParts(request.body, boundary)
    } catch (error) {
      return sendError(res, 400, `Malformed multipart body: ${(error as Error).message}`)
    }
    const sdp = parts.get('sdp')
    if (sdp === undefined)
      return sendError(res, 400, "Missing required parameter: 'sdp'.", {
        param: 'sdp',
        code: 'missing_required_parameter',
      })
    offer = sdp
    sessionText = parts.get('session')
  } else
    return sendError(
      res,
      400,
      "Send the SDP offer as application/sdp, or as multipart/form-data with an 'sdp' part and an optional 'session' JSON part.",
      { code: 'invalid_content_type' },
    )
  const problem = sdpOfferProblem(offer)
  if (problem) return sendError(res, 400, problem, { param: 'sdp', code: 'invalid_value' })

  const key = /^Bearer[ \t]+(\S+)/i.exec(request.headers.authorization ?? '')?.[1]
  let secret: IssuedClientSecret | undefined
  if (key?.startsWith('ek_mock_')) {
    secret = storeFor<IssuedClientSecret>(state, CLIENT_SECRETS_AREA).get(key)
    if (!secret || secret.expires_at * 1000 <= Date.now())
      return sendError(
        res,
        401,
        secret
          ? 'The ephemeral key has expired: create a new one with POST /v1/realtime/client_secrets.'
          : 'Unknown ephemeral key: the mock server did not issue it.',
        { code: 'invalid_api_key' },
      )
  }

  let session: Record<string, any>
  if (sessionText === undefined)
    session = secret?.session ?? defaultSession(state, 'realtime', 'gpt-realtime')
  else {
    let config: unknown
    try {
      config = JSON.parse(sessionText)
    } catch {
      return sendError(res, 400, "The 'session' part is not valid JSON.", {
        param: 'session',
        code: 'invalid_json',
      })
    }
    const model = isRecord<any>(config) && typeof config.model === 'string' ? config.model : 'gpt-realtime'
    const result = updateSession(defaultSession(state, 'realtime', model), config)
    if ('error' in result)
      return sendError(res, 400, result.error.message, { param: result.error.param, code: result.error.code })
    session = result.session
  }

  const id = nextId(state, 'rtc')
  calls(state).set(id, { id, session })
  const answer = sdpAnswer(offer)
  res.writeHead(201, {
    'content-type': 'application/sdp',
    'content-length': String(Buffer.byteLength(answer)),
    location: `/v1/realtime/calls/${id}`,
  })
  res.end(answer)
}

/** The known call named by the path, or `undefined` after answering 404. */
function knownCall({ res, params, state }: RouteContext): MockRealtimeCall | undefined {
  const call = calls(state).get(params.call_id)
  if (!call) sendNotFound(res, 'call', params.call_id)
  return call
}

/** The JSON object body of a control request, or `undefined` after answering 400 (`{}` when `optional` and empty). */
function objectBody({ res, request }: RouteContext, optional: boolean): Record<string, any> | undefined {
  if (optional && request.text === '') return {}
  if (isRecord<any>(request.json)) return request.json
  sendError(res, 400, 'We could not parse the JSON body of your request. Send a JSON object.')
  return undefined
}

/**
 * `POST /v1/realtime/calls/{call_id}/accept`: sets the call's session from the body (a GA realtime session
 * config, `type: 'realtime'` required). The mock does not model SIP legs, so any known call can be accepted.
 */
export function acceptCall(ctx: RouteContext) {
  const call = knownCall(ctx)
  const body = call && objectBody(ctx, false)
  if (!call || !body) return
  const model = typeof body.model === 'string' ? body.model : (call.session.model ?? 'gpt-realtime')
  const result = updateSession(defaultSession(ctx.state, 'realtime', model), body)
  if ('error' in result) {
    // The body is the session itself, so errors name its fields without the `session.` prefix.
    const { message, param, code } = result.error
    return sendError(ctx.res, 400, message.replaceAll("'session.", "'"), {
      param: param?.replace(/^session\.?/, '') || null,
      code,
    })
  }
  call.session = result.session
  sendEmpty(ctx.res)
}

/** `POST /v1/realtime/calls/{call_id}/hangup`: ends the call; its id is unknown afterwards. */
export function hangupCall(ctx: RouteContext) {
  if (!knownCall(ctx)) return
  calls(ctx.state).delete(ctx.params.call_id)
  sendEmpty(ctx.res)
}

/** `POST /v1/realtime/calls/{call_id}/refer`: `target_uri` must be a `tel:`, `sip:` or `sips:` URI. */
export function referCall(ctx: RouteContext) {
  const call = knownCall(ctx)
  const body = call && objectBody(ctx, false)
  if (!call || !body) return
  const target = body.target_uri
  if (target === undefined)
    return sendError(ctx.res, 400, "Missing required parameter: 'target_uri'.", {
      param: 'target_uri',
      code: 'missing_required_parameter',
    })
  if (typeof target !== 'string' || !/^(tel|sips?):\S+$/i.test(target))
    return sendError(
      ctx.res,
      400,
      `Invalid 'target_uri': ${JSON.stringify(target)}. Expected a tel:, sip: or sips: URI.`,
      { param: 'target_uri', code: 'invalid_value' },
    )
  sendEmpty(ctx.res)
}

/** `POST /v1/realtime/calls/{call_id}/reject`: optional `status_code`, a SIP code 400..699; ends the call. */
export function rejectCall(ctx: RouteContext) {
  const call = knownCall(ctx)
  const body = call && objectBody(ctx, true)
  if (!call || !body) return
  const code = body.status_code
  if (code !== undefined && !(Number.isInteger(code) && code >= 400 && code <= 699))
    return sendError(
      ctx.res,
      400,
      `Invalid 'status_code': ${JSON.stringify(code)}. Expected a SIP status code between 400 and 699.`,
      { param: 'status_code', code: 'invalid_value' },
    )
  calls(ctx.state).delete(call.id)
  sendEmpty(ctx.res)
}

/** Routes of `/v1/realtime/calls` (WebRTC offers and call control). */
export const realtimeCallsRoutes: readonly Route[] = [
  { method: 'POST', path: '/v1/realtime/calls', handle: createCall },
  { method: 'POST', path: '/v1/realtime/calls/:call_id/accept', handle: acceptCall },
  { method: 'POST', path: '/v1/realtime/calls/:call_id/hangup', handle: hangupCall },
  { method: 'POST', path: '/v1/realtime/calls/:call_id/refer', handle: referCall },
  { method: 'POST', path: '/v1/realtime/calls/:call_id/reject', handle: rejectCall },
]
