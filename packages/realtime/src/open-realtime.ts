import { APIUserAbortError, type Client, type HeadersLike, OpenAIError } from '@acme/openai-core'
import { RealtimeHandshakeError } from './errors'
import { handshakeFailure } from './handshake-report'
import { createRealtimeConnection, type RealtimeConnection } from './realtime-connection'
import { realtimeCredentials } from './realtime-credentials'
import type { RealtimeWebSocketConstructor, SocketOpener } from './realtime-socket'
import { type RealtimeTarget, realtimeURL } from './realtime-url'
import { waitForOpen } from './wait-for-open'

/** Options of `connectRealtime`. */
export interface ConnectRealtimeOptions {
  /** A WebSocket class to use instead of the runtime's (e.g. `ws` on Deno, or a test double). */
  WebSocket?: RealtimeWebSocketConstructor
  /** Extra upgrade headers (not possible in browsers); `null` removes one. */
  headers?: HeadersLike
  /** Extra query parameters for the socket URL. */
  query?: Record<string, unknown>
  /** Aborts the handshake; aborting later closes the connection (1000). */
  signal?: AbortSignal | null
  /** Milliseconds for the handshake; defaults to the client's `timeout`. */
  timeout?: number
  /** Events kept for `for await` while nobody iterates (default 10000); past it, buffering stops with an error. */
  maxBufferedEvents?: number
  /** Passed to a header-based WebSocket constructor (`ws`: TLS `ca`, `agent`...). */
  webSocketOptions?: Record<string, unknown>
}

const DEFAULT_MAX_BUFFERED_EVENTS = 10_000

/**
 * The shared part of `connectRealtime`: URL, credentials, timeout and abort, the 401 replay of an `auth` provider,
 * and the connection. Each entry passes the `opener` of its runtime.
 */
export async function openRealtime(
  client: Client,
  target: RealtimeTarget,
  options: ConnectRealtimeOptions,
  opener: SocketOpener,
): Promise<RealtimeConnection> {
  const maxBufferedEvents = options.maxBufferedEvents ?? DEFAULT_MAX_BUFFERED_EVENTS
  if (!(maxBufferedEvents === Infinity || (Number.isSafeInteger(maxBufferedEvents) && maxBufferedEvents > 0)))
    throw new OpenAIError(
      `maxBufferedEvents must be a positive integer or Infinity, got ${String(maxBufferedEvents)}`,
    )
  const timeout = options.timeout ?? client.timeout
  if (!Number.isSafeInteger(timeout) || timeout < 0)
    throw new OpenAIError(
      `timeout must be a non-negative integer of milliseconds, got ${String(options.timeout)}`,
    )
  const url = realtimeURL(client, target, options.query)
  const signal = options.signal
  if (signal?.aborted) throw new APIUserAbortError({ cause: signal.reason })

  for (let attempt = 0; ; attempt++) {
    const controller = new AbortController()
    // The abort reason, made a RealtimeHandshakeError below (its redaction loads only on failure).
    let timedOut: Error | undefined
    const timer = setTimeout(() => {
      timedOut = Object.assign(new Error(`no handshake within ${timeout} ms`), { code: 'ETIMEDOUT' })
      controller.abort(timedOut)
    }, timeout)
    const onAbort = () => controller.abort(new APIUserAbortError({ cause: signal?.reason }))
    signal?.addEventListener('abort', onAbort, { once: true })
    try {
      const { headers, token } = await realtimeCredentials(client, url, options.headers, controller.signal)
      if (controller.signal.aborted) throw controller.signal.reason
      const opening = await opener({
        url,
        headers,
        token,
        WebSocket: options.WebSocket,
        webSocketOptions: options.webSocketOptions,
        fetch: client.fetch,
        signal: controller.signal,
      })
      // Listen before the socket opens, so no event that follows the handshake is missed.
      const opened = waitForOpen(opening, url, controller.signal, headers)
      const connection = createRealtimeConnection(opening.socket, {
        url,
        maxBufferedEvents,
        signal,
        ready: opened,
      })
      await opened
      return connection
    } catch (caught) {
      const error = timedOut && caught === timedOut ? await handshakeFailure(url, { cause: caught }) : caught
      const replay =
        error instanceof RealtimeHandshakeError &&
        error.status === 401 &&
        attempt === 0 &&
        client.auth?.invalidate &&
        (await client.auth.invalidate())
      if (!replay) throw error
    } finally {
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
    }
  }
}
