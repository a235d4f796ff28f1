import type { Client } from '@acme/openai-core'
import { type ConnectRealtimeOptions, openRealtime } from './open-realtime'
import type { RealtimeConnection } from './realtime-connection'
import type { RealtimeTarget } from './realtime-url'
import { openSubprotocolSocket } from './sockets/open-subprotocol-socket'

/**
 * Opens a realtime session over the browser's WebSocket and resolves once it is open. Browsers cannot send headers,
 * so the key travels as the subprotocol `openai-insecure-api-key.<key>` next to `realtime`: use an ephemeral key
 * from `createClientSecret` made on your server, never your API key.
 *
 * @example
 * const { value } = await (await fetch('/realtime-key')).json()
 * const client = createClient({ apiKey: value, dangerouslyAllowBrowser: true })
 * const connection = await connectRealtime(client, { model: 'gpt-realtime' })
 */
export function connectRealtime(
  client: Client,
  target: RealtimeTarget,
  options: ConnectRealtimeOptions = {},
): Promise<RealtimeConnection> {
  return openRealtime(client, target, options, openSubprotocolSocket)
}
