import type { RealtimeConnection } from './realtime-connection'
import type { RealtimeServerEvent } from './types/server-events'

/** Test helper: the events of `connection` up to and including the first of `type` (at most `limit` events). */
export async function eventsUntil(
  connection: RealtimeConnection,
  type: RealtimeServerEvent['type'],
  limit = 500,
): Promise<RealtimeServerEvent[]> {
  const events: RealtimeServerEvent[] = []
  for await (const event of connection) {
    events.push(event)
    if (event.type === type) return events
    if (events.length >= limit) throw new Error(`no ${type} within ${limit} events`)
  }
  throw new Error(`the connection ended before ${type}`)
}
