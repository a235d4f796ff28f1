/** Options for {@link startMockServer}. */
export interface MockServerOptions {
  /** Port to listen on; `0` (the default) picks a free ephemeral port. */
  port?: number
  /** Interface to bind; defaults to `'127.0.0.1'`. */
  host?: string
  /** Answer `/v1` requests without `Authorization: Bearer <non-empty>` with 401; defaults to `true`. */
  requireAuth?: boolean
}

/** One request the server received, as seen on the wire. */
export interface RecordedRequest {
  /** Upper-case HTTP method. */
  method: string
  /** Path without the query string, as sent (still percent-encoded). */
  path: string
  /** The raw query string with its leading `?`, or `''`. */
  search: string
  /** Decoded query parameters; a name given more than once maps to an array. */
  query: Record<string, string | string[]>
  /** Lower-case header names; repeated headers joined with `', '`. */
  headers: Record<string, string>
  /** The raw request body (empty when there was none). */
  body: Uint8Array
  /** The body decoded as UTF-8. */
  text: string
  /** The body parsed as JSON, or `undefined` when it is empty or not JSON. */
  json: unknown
  /** `Date.now()` when the body had been fully read. */
  receivedAt: number
}

/** A scripted misbehaviour, applied to the next matching request(s) instead of (or before) the normal route. */
export type Fault = {
  /** Which requests it applies to; default: any request under `/v1`. A string `path` is a prefix. */
  match?: { method?: string; path?: string | RegExp }
  /** How many matching requests it applies to (default 1). */
  times?: number
  /** Wait this long before sending headers (slow headers); alone, the normal route answers afterwards. */
  delayMs?: number
  /** Destroy the socket without sending any response. */
  reset?: boolean
  /** Answer with this status instead of the route (body defaults to an OpenAI-shaped error for >= 400). */
  status?: number
  /** Extra response headers (with `status`/`sse`, or added to the normal route's answer). */
  headers?: Record<string, string>
  /** Response body for `status`: an object is sent as JSON, a string as-is. */
  body?: unknown
  /** Answer 200 `text/event-stream` with these raw chunks; `cutAfter` destroys the socket after N chunks. */
  sse?: { chunks: string[]; delayMs?: number; cutAfter?: number }
}

/** A running mock server. */
export interface MockServer {
  /** `'http://127.0.0.1:PORT'`. */
  url: string
  /** `url + '/v1'`, ready to pass as a client's `baseURL`. */
  baseURL: string
  /** Every request received so far (except control routes and CORS preflights), oldest first. */
  requests: RecordedRequest[]
  /** Queue faults (FIFO); each request takes the first queued fault that matches it. */
  enqueueFault(...faults: Fault[]): void
  /** Clear queued faults, recorded requests and stored objects. */
  reset(): void
  /** Stop listening and destroy open sockets (keep-alive or streaming), so it never hangs. */
  close(): Promise<void>
}
