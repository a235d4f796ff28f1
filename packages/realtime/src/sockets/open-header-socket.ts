import { OpenAIError } from '@acme/openai-core'
import type { OpeningSocket, RealtimeWebSocketConstructor, SocketOpenRequest } from '../realtime-socket'

/**
 * Opens a socket that sends the credentials as upgrade headers: `new WebSocket(url, { headers })`, the form `ws`,
 * undici (Node 22+), Deno and Bun accept.
 */
export function openHeaderSocket(
  request: SocketOpenRequest,
  fallback: RealtimeWebSocketConstructor | undefined,
): OpeningSocket {
  const WebSocketClass = request.WebSocket ?? fallback
  if (!WebSocketClass)
    throw new OpenAIError(
      'This runtime has no global WebSocket. Pass one: connectRealtime(client, target, { WebSocket }).',
    )
  const extra = request.webSocketOptions ?? {}
  const socket = new WebSocketClass(request.url, {
    ...extra,
    headers: { ...(extra.headers as Record<string, string> | undefined), ...request.headers },
  })
  return { socket, detail: {} }
}
