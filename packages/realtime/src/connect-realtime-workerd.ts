import type { Client } from '@acme/openai-core'
import { type ConnectRealtimeOptions, openRealtime } from './open-realtime'
import type { RealtimeConnection } from './realtime-connection'
import type { RealtimeTarget } from './realtime-url'
import { openFetchUpgradeSocket } from './sockets/open-fetch-upgrade-socket'

/**
 * Opens a realtime session on Cloudflare Workers (workerd): `fetch` with `Upgrade: websocket` and an
 * `Authorization` header, then `webSocket.accept()`. Resolves once it is open.
 *
 * @example
 * const connection = await connectRealtime(createClient({ apiKey: env.OPENAI_API_KEY }), { model: 'gpt-realtime' })
 */
export function connectRealtime(
  client: Client,
  target: RealtimeTarget,
  options: ConnectRealtimeOptions = {},
): Promise<RealtimeConnection> {
  return openRealtime(client, target, options, openFetchUpgradeSocket)
}
