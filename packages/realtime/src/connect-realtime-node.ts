import type { Client } from '@acme/openai-core'
import { type ConnectRealtimeOptions, openRealtime } from './open-realtime'
import type { RealtimeConnection } from './realtime-connection'
import type { RealtimeTarget } from './realtime-url'
import { openNodeSocket } from './sockets/open-node-socket'

/**
 * Opens a realtime session over WebSocket and resolves once it is open. On Node the socket is `ws` (through
 * isomorphic-ws) with an `Authorization` header. The URL is the client's `baseURL` + `/realtime` (`https` -> `wss`,
 * `http` -> `ws`). A refused handshake rejects with a `RealtimeHandshakeError` that says why.
 *
 * @example
 * const connection = await connectRealtime(client, { model: 'gpt-realtime' })
 * connection.session.update({ type: 'realtime', output_modalities: ['text'] })
 */
export function connectRealtime(
  client: Client,
  target: RealtimeTarget,
  options: ConnectRealtimeOptions = {},
): Promise<RealtimeConnection> {
  return openRealtime(client, target, options, openNodeSocket)
}
