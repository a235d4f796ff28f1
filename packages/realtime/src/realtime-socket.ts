/**
 * The part of a WHATWG `WebSocket` a connection uses. The `ws` package, browsers, Deno, Bun and workerd sockets all
 * have it.
 */
export interface RealtimeSocket {
  /** 0 connecting, 1 open, 2 closing, 3 closed. */
  readonly readyState: number
  /** The subprotocol the server selected (`'realtime'` with browser auth), or `''`. */
  readonly protocol?: string
  send(data: string): void
  close(code?: number, reason?: string): void
  addEventListener(type: string, listener: (event: any) => void): void
}

/**
 * A WebSocket class to use instead of the runtime's own. Entries that authenticate with headers call it as
 * `new WebSocket(url, { headers, ...webSocketOptions })` (the form `ws`, undici, Deno and Bun accept); the browser
 * entry calls `new WebSocket(url, protocols)`.
 */
export type RealtimeWebSocketConstructor = new (url: string, protocolsOrOptions?: any) => RealtimeSocket

/** What the runtime reported about a handshake that failed, filled in while it happens. */
export interface HandshakeDetail {
  status?: number
  /** Start of the body of the refused upgrade. */
  body?: string
  cause?: unknown
}

/** A socket being opened, and what its runtime will report if the handshake fails. */
export interface OpeningSocket {
  socket: RealtimeSocket
  detail: HandshakeDetail
}

/** What an entry's socket opener is given. */
export interface SocketOpenRequest {
  url: string
  /** Credentials and extra headers, lower-case names. */
  headers: Record<string, string>
  /** The bearer token alone (API key, ephemeral key or provider token), for subprotocol auth. */
  token: string | null
  WebSocket: RealtimeWebSocketConstructor | undefined
  webSocketOptions: Record<string, unknown> | undefined
  fetch: typeof fetch
  signal: AbortSignal
}

/** How one runtime starts opening a socket: the only piece that differs between entries. */
export type SocketOpener = (request: SocketOpenRequest) => OpeningSocket | Promise<OpeningSocket>

/** `readyState` while the handshake runs. */
export const CONNECTING = 0
/** `readyState` once open. */
export const OPEN = 1
