import type { Client } from '@acme/openai-core'
import { type ConnectRealtimeOptions, openRealtime } from './open-realtime'
import type { RealtimeConnection } from './realtime-connection'
import type { RealtimeTarget } from './realtime-url'
import { openHeaderSocket } from './sockets/open-header-socket'

/**
 * Opens a realtime session over the runtime's own WebSocket with an `Authorization` header (Deno, Bun, and Node 22+
 * through the `/native` subpath) and resolves once it is open.
 *
 * @example
 * const connection = await connectRealtime(client, { model: 'gpt-realtime' })
 */
export function connectRealtime(
  client: Client,
  target: RealtimeTarget,
  options: ConnectRealtimeOptions = {},
): Promise<RealtimeConnection> {
  return openRealtime(client, target, options, (request) =>
    openHeaderSocket(request, (globalThis as any).WebSocket),
  )
}
