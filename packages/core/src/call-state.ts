import type { Client, RequestInfo } from './client'
import type { HeadersLike } from './headers'
import type { RequestSpec } from './request-spec'

/**
 * One call as it flows through the pipeline: what was asked, what the attempts so far decided, and the
 * attempt in flight. One object instead of many positional arguments (ofetch's `FetchContext` is the model).
 * @internal
 */
export interface CallState {
  readonly client: Client
  readonly spec: RequestSpec
  /** Shared with hooks and log lines: attempt number, method, redacted URL, log id, operation. */
  readonly info: RequestInfo
  readonly url: string
  /** Milliseconds per attempt (for streams: until the response headers). */
  readonly timeout: number
  readonly maxRetries: number
  /** The caller's signal. */
  readonly signal: AbortSignal | null | undefined
  /** Header layers under the credentials (core's own, the operation's) and over them (defaults, caller's). */
  readonly headersUnderAuth: HeadersLike[]
  readonly headersOverAuth: HeadersLike[]
  readonly body: BodyInit | undefined
  /** The body is a stream that can be read once: no retry, no replay after a 401. */
  readonly oneShotBody: boolean
  /** Hooks are set or info logging is on: worth redacting the URL and timing the attempts. */
  readonly observed: boolean
  /** Whether the client logs at `level` (for the lazily loaded reporting, which imports no more of core). */
  readonly logs: (level: 'error' | 'info' | 'debug') => boolean
  /** Retries made so far (a replay after a 401 is not one). */
  retries: number
  replayedAfter401: boolean
  // The attempt in flight.
  /** Aborted by the caller's signal or the attempt's timer; its signal is the one fetch gets. */
  controller: AbortController
  timer: ReturnType<typeof setTimeout> | undefined
  timedOut: boolean
  /** `Date.now()` when the attempt was sent. */
  started: number
  /** The headers sent, for redacting their secrets from what the server echoes. */
  headers: Record<string, string>
  /** The hooks and log lines, loaded when `observed`. */
  report?: typeof import('./call-report')
  /** Forwards the caller's abort to `controller`; removed when the attempt ends. */
  onAbort: () => void
}
