import type { RealtimeHandshakeError } from './errors'
import { handshakeFailure } from './handshake-report'
import { CONNECTING, OPEN, type OpeningSocket } from './realtime-socket'

/**
 * Resolves when the socket opens; rejects with a {@link RealtimeHandshakeError} saying why when it closes first, or
 * with the abort reason when `signal` aborts (the socket is closed then).
 */
export function waitForOpen(
  opening: OpeningSocket,
  url: string,
  signal: AbortSignal,
  /** The upgrade request's headers: their credentials are cut out of a refused handshake's error by value. */
  headers?: Record<string, string>,
): Promise<void> {
  const { socket, detail } = opening
  if (socket.readyState === OPEN) return Promise.resolve()
  return new Promise<void>((resolve, reject) => {
    let settled = false
    // `failure`: the error, or a promise of it (the handshake error loads core's redaction first).
    const settle = (failure?: unknown) => {
      if (settled) return
      settled = true
      signal.removeEventListener('abort', onAbort)
      if (failure) Promise.resolve(failure).then(reject, reject)
      else resolve()
    }
    const fail = () => settled || settle(handshakeFailure(url, detail, headers))
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
    socket.addEventListener('close', fail)
    if (signal.aborted) onAbort()
    else signal.addEventListener('abort', onAbort, { once: true })
    if (socket.readyState !== CONNECTING && socket.readyState !== OPEN) fail()
  })
}
