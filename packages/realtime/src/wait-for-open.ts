import type { RealtimeHandshakeError } from './errors'
import { handshakeError } from './handshake-error'
import { CONNECTING, OPEN, type OpeningSocket } from './realtime-socket'

/**
 * Resolves when the socket opens; rejects with a {@link RealtimeHandshakeError} saying why when it closes first, or
 * with the abort reason when `signal` aborts (the socket is closed then).
 */
export function waitForOpen(
  opening: OpeningSocket,
  url: string,
  signal: AbortSignal,
  /** The credentials sent, cut out of a refused handshake's body by value. */
  secrets: readonly string[] = [],
): Promise<void> {
  const { socket, detail } = opening
  if (socket.readyState === OPEN) return Promise.resolve()
  return new Promise<void>((resolve, reject) => {
    let settled = false
    const settle = (error?: unknown) => {
      if (settled) return
      settled = true
      signal.removeEventListener('abort', onAbort)
      if (error) reject(error)
      else resolve()
    }
    const onAbort = () => {
      settle(signal.reason)
      try {
        socket.close()
      } catch {}
    }
    socket.addEventListener('open', () => settle())
    socket.addEventListener('error', (event: any) => {
      // `ws` reports the network error on the event; Deno a message; browsers nothing at all.
      detail.cause ??= event?.error ?? (event?.message ? new Error(String(event.message)) : undefined)
    })
    socket.addEventListener('close', () =>
      settle(handshakeError(url, detail, secrets) satisfies RealtimeHandshakeError),
    )
    if (signal.aborted) onAbort()
    else signal.addEventListener('abort', onAbort, { once: true })
    if (socket.readyState !== CONNECTING && socket.readyState !== OPEN)
      settle(handshakeError(url, detail, secrets))
  })
}
