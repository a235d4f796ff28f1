import { isRecord } from '../is-record'
import { invalid, type SessionState } from './session-state'

/**
 * The mock-only commands: `mock.close {code, reason}`, `mock.drop` (no close frame), `mock.raw {data}` (any text
 * frame) and `mock.emit {event}` (any server event).
 */
export function runMockCommand(s: SessionState, event: Record<string, any>, eventId: string | null) {
  switch (event.type) {
    case 'mock.close':
      try {
        s.ws.close(event.code ?? 1000, event.reason ?? 'closed on request')
      } catch (error) {
        s.fail(invalid(`mock.close: ${(error as Error).message}`, 'code'), eventId)
      }
      return
    case 'mock.drop':
      return void s.ws.terminate()
    case 'mock.raw':
      return void s.ws.send(String(event.data ?? ''))
    case 'mock.emit':
      if (!isRecord<any>(event.event) || typeof event.event.type !== 'string')
        return s.fail(invalid('mock.emit needs an `event` object with a string `type`.', 'event'), eventId)
      return s.emit(event.event)
    default:
      return s.fail(
        invalid(
          `Unknown mock command '${event.type}'. The mock knows mock.close, mock.drop, mock.raw and mock.emit.`,
          'type',
        ),
        eventId,
      )
  }
}
