import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { applyFault } from './apply-fault'
import { hasBearerToken, sendInvalidApiKey } from './auth'
import { azureRequest, azureToV1 } from './azure/azure-request'
import { CONTROL_PREFIX, handleControlRoute } from './control-routes'
import { answerPreflight, setCorsHeaders } from './cors'
import { takeFault } from './faults'
import { type MockState, recordRequest } from './mock-state'
import { readBody, splitTarget, toRecordedRequest } from './record-request'
import { sendError } from './reply'
import { decodeParams, findRoute, type Route } from './route'
import { refuseIssuedAccessToken } from './routes/issued-access-tokens'
import { unknownRouteMessage } from './unknown-route'

/** How one server handles requests. */
export interface HandlerConfig {
  state: MockState
  routes: readonly Route[]
  requireAuth: boolean
}

const isV1 = (path: string) => path === '/v1' || path.startsWith('/v1/')

/** A signal that aborts when the response closes (client gone or answer sent) or the server closes. */
function requestSignal(res: ServerResponse, closing: AbortSignal): AbortSignal {
  const controller = new AbortController()
  const abort = () => controller.abort()
  closing.addEventListener('abort', abort, { once: true })
  res.once('close', () => {
    closing.removeEventListener('abort', abort)
    abort()
  })
  return controller.signal
}

async function route(req: IncomingMessage, res: ServerResponse, config: HandlerConfig): Promise<void> {
  setCorsHeaders(res)
  if (req.method === 'OPTIONS') return answerPreflight(req, res)
  const { state } = config
  const target = splitTarget(req.url ?? '/')
  if (target.path.startsWith(CONTROL_PREFIX)) {
    return handleControlRoute(state, toRecordedRequest(req, await readBody(req)), res)
  }
  res.setHeader('x-request-id', `req_${randomUUID().replaceAll('-', '')}`)
  const signal = requestSignal(res, state.closing)
  // Upload routes read their (possibly huge) body as a stream; the record then holds only what they keep of it.
  const routePath = azureToV1(target.path)?.path ?? target.path
  const streamed = findRoute(config.routes, (req.method ?? 'GET').toUpperCase(), routePath)?.route.streamBody
  const request = toRecordedRequest(req, streamed ? new Uint8Array(0) : await readBody(req))
  recordRequest(state, request)

  const fault = takeFault(state, request.method, request.path)
  if (fault && (await applyFault(fault, res, signal))) return
  if (config.requireAuth && isV1(request.path) && !hasBearerToken(request.headers))
    return sendInvalidApiKey(res)
  if (config.requireAuth && isV1(request.path) && refuseIssuedAccessToken(state, request, res)) return

  // Azure's `/openai/...` shape: its own auth and api-version checks, then the `/v1` route (the record keeps the path).
  const routed = azureRequest(request, res, config.requireAuth)
  if (!routed) return
  const found = findRoute(config.routes, routed.method, routed.path)
  if (!found) {
    return sendError(res, 404, unknownRouteMessage(request.method, routed.path, req.headers.host), {
      code: 'unknown_url',
    })
  }
  const params = decodeParams(found.params)
  if (!params) return sendError(res, 400, `Malformed percent-encoding in the path ${request.path}.`)
  await found.route.handle({ req, res, request: routed, params, state, signal })
}

/** Handles one request: CORS, control routes, recording, faults, auth, then the matching route. */
export async function handleRequest(
  req: IncomingMessage,
  res: ServerResponse,
  config: HandlerConfig,
): Promise<void> {
  try {
    await route(req, res, config)
  } catch (error) {
    // A client that hung up mid-body lands here too; there is nobody left to answer.
    if (res.destroyed || req.destroyed) return
    if (res.headersSent) return void res.destroy()
    sendError(res, 500, `The mock server failed while handling the request: ${(error as Error).message}`)
  }
}
