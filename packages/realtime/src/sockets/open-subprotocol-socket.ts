import { OpenAIError } from '@acme/openai-core'
import type { OpeningSocket, SocketOpenRequest } from '../realtime-socket'

/**
 * Opens a socket the browser way, where no header can be set: the key travels as the subprotocol
 * `openai-insecure-api-key.<key>` next to `realtime` (use an ephemeral key from `createClientSecret`).
 */
export function openSubprotocolSocket(request: SocketOpenRequest): OpeningSocket {
  const WebSocketClass = request.WebSocket ?? (globalThis as any).WebSocket
  if (!WebSocketClass)
    throw new OpenAIError(
      'This runtime has no global WebSocket. Pass one: connectRealtime(client, target, { WebSocket }).',
    )
  const protocols = ['realtime']
  if (request.token) protocols.push(`openai-insecure-api-key.${request.token}`)
  return { socket: new WebSocketClass(request.url, protocols), detail: {} }
}
