import type { HeadersLike } from './headers'

/** Per-call options every operation accepts as its last argument. */
export interface RequestOptions {
  signal?: AbortSignal | null
  /** Milliseconds for this call's attempts; overrides the client's. */
  timeout?: number
  maxRetries?: number
  /** Added to the request's headers; a `null` value removes a header, whichever layer set it. */
  headers?: HeadersLike
  query?: Record<string, unknown>
  /** Sent as `Idempotency-Key`, the same on every attempt. */
  idempotencyKey?: string
  fetchOptions?: RequestInit
  /** Streams only: fail when no data arrives for this many milliseconds after the headers; overrides the client's. */
  idleTimeout?: number
  /** Streams only: the longest line or event the SSE decoder accepts, in characters (default 64 MiB). */
  maxEventSize?: number
}

/** One HTTP call as an operation describes it. */
export interface RequestSpec extends RequestOptions {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete'
  path: string
  /** Absent means no body; see `encodeBody` for how values are sent. */
  body?: unknown
  /** Parse the answer as server-sent events into a `Stream`. */
  stream?: boolean
  /** Return the `Response` unread (file downloads). */
  binary?: boolean
  /** Headers of the operation itself (e.g. `accept`): under auth, `defaultHeaders` and the caller's headers. */
  operationHeaders?: HeadersLike
  /** The operation's function name (`'createResponse'`), for errors, logs, hooks and interceptors. */
  operation?: string
  /**
   * The params as the caller passed them, for interceptors, where the body does not show them: a streamed multipart
   * body, or a JSON body with a field the operation filled in. Never sent.
   */
  params?: object
}
