import type { WebSocket } from 'ws'
import { isRecord } from '../is-record'
import type { MockState } from '../mock-state'
import { handleClientEvent } from './client-events'
import { createSessionState, invalid } from './session-state'

/**
 * Plays the realtime protocol on one accepted socket: `session.created` first, then an answer to every client event
 * (client-events.ts), `error` events for bad ones, and the mock-only `mock.*` commands (mock-commands.ts).
 * `response.create` with `metadata.mock_delay_ms` paces its events (response-player.ts).
 */
export function runRealtimeSession(
  ws: WebSocket,
  state: MockState,
  initial: Record<string, any>,
  closing: AbortSignal,
): void {
  const s = createSessionState(ws, state, initial, closing)
  ws.on('message', (data, isBinary) => {
    if (isBinary)
      return s.fail(invalid('Binary frames are not supported; send JSON text.', null, 'invalid_event'), null)
    let event: unknown
    try {
      event = JSON.parse(String(data))
    } catch {
      return s.fail(invalid('The event is not valid JSON.', null, 'invalid_json'), null)
    }
    if (!isRecord<any>(event))
      return s.fail(invalid('An event must be a JSON object.', null, 'invalid_event'), null)
    const eventId = typeof event.event_id === 'string' ? event.event_id : null
    if (typeof event.type !== 'string')
      return s.fail(invalid("The 'type' field is missing.", 'type', 'invalid_event'), eventId)
    handleClientEvent(s, event, eventId)
  })
  s.emit({ type: 'session.created', session: s.session })
}
