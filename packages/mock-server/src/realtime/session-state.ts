import type { WebSocket } from 'ws'
import { type MockState, nextId } from '../mock-state'
import type { RealtimeWireError } from './realtime-session-config'

/** A conversation item the session keeps. */
export interface StoredItem {
  item: Record<string, any>
  /** Milliseconds of assistant audio, for truncate. */
  audioMs?: number
}

/** The response being played; `response.cancel` sets `cancelled`. */
export interface ActiveResponse {
  id: string
  cancelled: boolean
}

/** Everything one realtime session holds, and how it answers. */
export interface SessionState {
  readonly ws: WebSocket
  readonly mock: MockState
  session: Record<string, any>
  readonly conversationId: string
  readonly items: StoredItem[]
  /** Bytes in the input audio buffer. */
  audioBytes: number
  /** The response playing in the conversation, if any. */
  active: ActiveResponse | null
  /** Aborted when the socket closes or the mock shuts down. */
  readonly signal: AbortSignal
  /** Sends a server event, with an `event_id` unless it has one; nothing once the socket is not open. */
  emit(event: Record<string, any>): void
  /** Sends an `error` event naming the client event that caused it. */
  fail(error: RealtimeWireError, clientEventId: string | null): void
  /** The position of the item with this id, or -1. */
  indexOf(id: unknown): number
  lastItemId(): string | null
}

/** An `invalid_request_error` as the API words it. */
export function invalid(
  message: string,
  param: string | null = null,
  code = 'invalid_value',
): RealtimeWireError {
  return { type: 'invalid_request_error', code, message, param }
}

/** The state of a session on `ws`, which lives until the socket closes or `closing` aborts. */
export function createSessionState(
  ws: WebSocket,
  mock: MockState,
  initial: Record<string, any>,
  closing: AbortSignal,
): SessionState {
  const lifetime = new AbortController()
  const stop = () => lifetime.abort()
  closing.addEventListener('abort', stop, { once: true })
  ws.once('close', () => {
    closing.removeEventListener('abort', stop)
    stop()
  })
  const state: SessionState = {
    ws,
    mock,
    session: initial,
    conversationId: nextId(mock, 'conv'),
    items: [],
    audioBytes: 0,
    active: null,
    signal: lifetime.signal,
    emit(event) {
      if (ws.readyState !== ws.OPEN) return
      const { type, ...rest } = event
      ws.send(JSON.stringify({ type, event_id: rest.event_id ?? nextId(mock, 'event'), ...rest }))
    },
    fail: (error, clientEventId) =>
      state.emit({ type: 'error', error: { ...error, event_id: clientEventId } }),
    indexOf: (id) => state.items.findIndex((stored) => stored.item.id === id),
    lastItemId: () => state.items.at(-1)?.item.id ?? null,
  }
  return state
}
