import { randomUUID } from 'node:crypto'
import { type IncomingMessage, STATUS_CODES } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import { hasBearerToken } from '../auth'
import { takeFault } from '../faults'
import { type MockState, recordRequest, storeFor } from '../mock-state'
import { toRecordedRequest } from '../record-request'
import { errorTypeFor } from '../reply'
import type { Fault } from '../types'
import { wait } from '../wait'
import { runRealtimeSession } from './realtime-session'
import { defaultSession, updateSession } from './realtime-session-config'

/** An ephemeral key issued by `POST /v1/realtime/client_secrets`. */
export interface IssuedClientSecret {
  /** Unix seconds after which the key opens no new session. */
  expires_at: number
  /** The session configuration sessions opened with the key start from. */
  session: Record<string, any>
}

/** The store area holding issued ephemeral keys, by value. */
export const CLIENT_SECRETS_AREA = 'realtime.client_secrets'

/** A call created by `POST /v1/realtime/calls`, known until it is hung up or rejected. */
export interface MockRealtimeCall {
  id: string
  /** The session the call runs: from the request, the ephemeral key, or the last accept. */
  session: Record<string, any>
}

/** The store area holding known calls, by id; a `call_id` socket starts from the call's session. */
export const CALLS_AREA = 'realtime.calls'

const SUBPROTOCOL_KEY = 'openai-insecure-api-key.'

/** Writes a whole HTTP response on the raw socket of a refused upgrade, then closes it. */
function answerRaw(socket: Duplex, status: number, text: string, headers: Record<string, string>) {
  const lines = Object.entries({
    'content-length': String(Buffer.byteLength(text)),
    'x-request-id': `req_${randomUUID().replaceAll('-', '')}`,
    ...headers,
    connection: 'close',
  }).map(([name, value]) => `${name}: ${value}\r\n`)
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n${lines.join('')}\r\n${text}`)
}

/** Refuses an upgrade with an OpenAI-shaped JSON error, as the real API does. */
function refuse(
  socket: Duplex,
  status: number,
  message: string,
  code: string | null,
  param: string | null = null,
) {
  const body = JSON.stringify({ error: { message, type: errorTypeFor(status), param, code } })
  answerRaw(socket, status, body, { 'content-type': 'application/json' })
}

/** Plays a fault's `status` (with its `body` and `headers`, as on HTTP routes) on an upgrade. */
function refuseWithFault(socket: Duplex, fault: Fault & { status: number }) {
  if (fault.body === undefined)
    return refuse(
      socket,
      fault.status,
      `Injected fault: the mock server answered ${fault.status} as scripted.`,
      null,
    )
  const text = typeof fault.body === 'string' ? fault.body : JSON.stringify(fault.body)
  const type = typeof fault.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json'
  answerRaw(socket, fault.status, text, { 'content-type': type, ...fault.headers })
}

function offeredProtocols(req: IncomingMessage): string[] {
  return (req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
}

/**
 * Makes the `upgrade` listener of a mock server: WebSocket on `/v1/realtime`. It records the upgrade request, takes
 * a queued fault (`status`, `reset`, `delayMs`), checks the key (`Authorization: Bearer` or the
 * `openai-insecure-api-key.<key>` subprotocol, answering with the `realtime` subprotocol; an `ek_mock_…` key must be
 * one the server issued and not expired) and exactly one of `model`, `call_id`, `intent=transcription`.
 * Open sockets are dropped when the server closes.
 */
export function createRealtimeUpgradeHandler(
  state: MockState,
  options: { requireAuth: boolean },
): (req: IncomingMessage, socket: Duplex, head: Buffer) => void {
  const server = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    // Browsers fail the handshake unless one offered subprotocol is selected; `ws` picks nothing by itself here.
    handleProtocols: (protocols) => (protocols.has('realtime') ? 'realtime' : false),
  })
  state.closing.addEventListener(
    'abort',
    () => {
      for (const client of server.clients) client.terminate()
      server.close()
    },
    { once: true },
  )

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const request = toRecordedRequest(req, new Uint8Array())
    recordRequest(state, request)
    const fault = takeFault(state, 'GET', request.path)
    if (fault?.delayMs && !(await wait(fault.delayMs, state.closing))) return void socket.destroy()
    if (fault?.reset) return void socket.destroy()
    if (fault?.status !== undefined) return refuseWithFault(socket, { ...fault, status: fault.status })
    if (request.path !== '/v1/realtime')
      return refuse(
        socket,
        404,
        `Invalid URL (GET ${request.path}): the mock server accepts WebSocket connections on /v1/realtime only.`,
        'unknown_url',
      )

    const offered = offeredProtocols(req)
    const fromProtocol = offered.find((p) => p.startsWith(SUBPROTOCOL_KEY))?.slice(SUBPROTOCOL_KEY.length)
    const bearer = /^Bearer[ \t]+(\S+)/i.exec(request.headers.authorization ?? '')?.[1]
    const key = bearer ?? (fromProtocol || undefined)
    if (options.requireAuth && !key && !hasBearerToken(request.headers))
      return refuse(
        socket,
        401,
        'Missing credentials. Send "Authorization: Bearer <key>" or, from a browser, the subprotocols "realtime" and "openai-insecure-api-key.<key>".',
        'invalid_api_key',
      )
    let secret: IssuedClientSecret | undefined
    if (key?.startsWith('ek_mock_')) {
      secret = storeFor<IssuedClientSecret>(state, CLIENT_SECRETS_AREA).get(key)
      if (!secret || secret.expires_at * 1000 <= Date.now())
        return refuse(
          socket,
          401,
          secret
            ? 'The ephemeral key has expired: create a new one with POST /v1/realtime/client_secrets.'
            : 'Unknown ephemeral key: the mock server did not issue it.',
          'invalid_api_key',
        )
    }

    const { model, call_id: callId, intent } = request.query
    const targets = [model, callId, intent].filter((v) => v !== undefined)
    if (targets.length !== 1 || targets.some((v) => typeof v !== 'string' || v === ''))
      return refuse(
        socket,
        400,
        'Pass exactly one of the query parameters model, call_id or intent=transcription.',
        'invalid_request',
        'model',
      )
    if (intent !== undefined && intent !== 'transcription')
      return refuse(
        socket,
        400,
        `Invalid value for intent: '${String(intent)}'. Use 'transcription'.`,
        'invalid_value',
        'intent',
      )

    // A sideband socket on a known call starts from that call's session; an unknown call_id gets the default one.
    const call =
      typeof callId === 'string' ? storeFor<MockRealtimeCall>(state, CALLS_AREA).get(callId) : undefined
    const configured = call?.session ?? secret?.session
    const type =
      intent === 'transcription' || configured?.type === 'transcription' ? 'transcription' : 'realtime'
    let session = defaultSession(state, type, String(model ?? configured?.model ?? 'gpt-realtime'))
    if (configured) {
      const { id: _id, object: _object, expires_at: _expires, ...config } = configured
      const result = updateSession(session, { ...config, model: session.model })
      if ('session' in result) session = result.session
    }
    if (state.closing.aborted) return void socket.destroy()
    server.handleUpgrade(req, socket, head, (ws) => runRealtimeSession(ws, state, session, state.closing))
  }

  return (req, socket, head) => {
    socket.on('error', () => socket.destroy())
    upgrade(req, socket, head).catch(() => socket.destroy())
  }
}
