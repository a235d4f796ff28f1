import { isRecord } from '../is-record'
import { nextId, storeFor } from '../mock-state'
import { defaultSession, updateSession } from '../realtime/realtime-session-config'
import { CLIENT_SECRETS_AREA, type IssuedClientSecret } from '../realtime/realtime-upgrade'
import { sendError, sendJson } from '../reply'
import type { Route, RouteContext } from '../route'

/**
 * `POST /v1/realtime/client_secrets`: issues an ephemeral key (`ek_mock_…`) that the mock's `/v1/realtime`
 * socket accepts until `expires_at`, with the effective session. `expires_after.seconds` must be 10..7200.
 */
export function createClientSecret({ res, request, state }: RouteContext) {
  const body = request.text === '' ? {} : request.json
  if (!isRecord<any>(body))
    return sendError(res, 400, 'We could not parse the JSON body of your request. Send a JSON object.')
  const expires = body.expires_after ?? {}
  if (!isRecord<any>(expires))
    return sendError(res, 400, "Invalid type for 'expires_after': expected an object.", {
      param: 'expires_after',
      code: 'invalid_type',
    })
  if (expires.anchor !== undefined && expires.anchor !== 'created_at')
    return sendError(
      res,
      400,
      `Invalid value: '${String(expires.anchor)}'. Supported values are: 'created_at'.`,
      {
        param: 'expires_after.anchor',
        code: 'invalid_value',
      },
    )
  const seconds = expires.seconds ?? 600
  if (!Number.isInteger(seconds) || seconds < 10 || seconds > 7200)
    return sendError(
      res,
      400,
      `Invalid 'expires_after.seconds': ${String(seconds)}. Expected an integer between 10 and 7200.`,
      { param: 'expires_after.seconds', code: 'invalid_value' },
    )
  let session: Record<string, any>
  if (body.session === undefined) session = defaultSession(state, 'realtime', 'gpt-realtime')
  else {
    const type =
      isRecord<any>(body.session) && body.session.type === 'transcription' ? 'transcription' : 'realtime'
    const model =
      isRecord<any>(body.session) && typeof body.session.model === 'string'
        ? body.session.model
        : 'gpt-realtime'
    const result = updateSession(defaultSession(state, type, model), body.session)
    if ('error' in result)
      return sendError(res, 400, result.error.message, { param: result.error.param, code: result.error.code })
    session = result.session
  }
  const expires_at = Math.floor(Date.now() / 1000) + seconds
  const value = nextId(state, 'ek')
  storeFor<IssuedClientSecret>(state, CLIENT_SECRETS_AREA).set(value, { expires_at, session })
  sendJson(res, 200, { value, expires_at, session })
}

/** Routes of the realtime area (the WebSocket itself is served by the server's `upgrade` listener). */
export const realtimeRoutes: readonly Route[] = [
  { method: 'POST', path: '/v1/realtime/client_secrets', handle: createClientSecret },
]
