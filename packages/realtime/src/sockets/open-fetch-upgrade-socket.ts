import { handshakeFailure } from '../handshake-report'
import type { OpeningSocket, SocketOpenRequest } from '../realtime-socket'
import { openSubprotocolSocket } from './open-subprotocol-socket'

/** How much of a refused upgrade's body is kept for the error message. */
const MAX_BODY = 4096

/**
 * Opens a socket on Cloudflare workerd, whose WebSocket constructor cannot send headers: `fetch` with
 * `Upgrade: websocket` and the `Authorization` header, then `response.webSocket.accept()`. An injected class, or a
 * runtime without `WebSocketPair` (a browser worker), uses the subprotocol way instead.
 */
export async function openFetchUpgradeSocket(request: SocketOpenRequest): Promise<OpeningSocket> {
  const g = globalThis as any
  if (request.WebSocket || (typeof g.WebSocketPair === 'undefined' && typeof g.WebSocket === 'function'))
    return openSubprotocolSocket(request)
  const httpURL = request.url.replace(/^ws/, 'http')
  let response: Response
  try {
    // Called detached: workerd's fetch throws "Illegal invocation" when `this` is not undefined or globalThis.
    const fetchFn = request.fetch
    response = await fetchFn(httpURL, {
      headers: { ...request.headers, upgrade: 'websocket' },
      signal: request.signal,
    })
  } catch (cause) {
    if (request.signal.aborted) throw request.signal.reason
    throw await handshakeFailure(request.url, { cause }, request.headers)
  }
  const socket = (response as any).webSocket
  if (response.status !== 101 || !socket) {
    const body = await response.text().catch(() => '')
    throw await handshakeFailure(
      request.url,
      {
        status: response.status,
        body: body.slice(0, MAX_BODY),
        cause: socket ? undefined : new Error('the response to the upgrade request carried no webSocket'),
      },
      request.headers,
    )
  }
  socket.accept()
  return { socket, detail: {} }
}
