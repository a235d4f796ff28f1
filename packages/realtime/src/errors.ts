import { OpenAIError } from '@acme/openai-core'

/**
 * The WebSocket could not be opened. `status` is the HTTP status the server answered instead of `101` (unknown in
 * browsers, which do not tell), `code` a network error code such as `ECONNREFUSED`, `error` the server's JSON error.
 */
export class RealtimeHandshakeError extends OpenAIError {
  static override readonly brand: string = 'RealtimeHandshakeError'
  /** HTTP status of the refused upgrade, when the runtime reports it. */
  declare readonly status: number | undefined
  /** Network error code (`ECONNREFUSED`, `ENOTFOUND`, `ETIMEDOUT`...), when there was one. */
  declare readonly code: string | undefined
  /** The `error` object of the server's JSON answer, when it sent one. */
  declare readonly error: object | undefined
  /** The socket URL, credentials redacted. */
  declare readonly url: string

  constructor(
    message: string,
    {
      status,
      code,
      error,
      url,
      cause,
    }: { status?: number; code?: string; error?: object; url: string; cause?: unknown },
  ) {
    super(message, cause === undefined ? undefined : { cause })
    // Each one an own property, `undefined` included, in this order.
    Object.assign(this, { status, code, error, url })
  }
}

/**
 * The connection closed without you asking (any close code but 1000). Ends `for await` after the events received
 * before it; open a new connection to continue.
 */
export class RealtimeClosedError extends OpenAIError {
  static override readonly brand: string = 'RealtimeClosedError'
  /** The WebSocket close code (1006: the connection dropped without a close frame). */
  declare readonly code: number
  declare readonly reason: string

  constructor(code: number, reason: string, cause?: unknown) {
    super(
      `The realtime connection closed unexpectedly (code ${code}${reason ? `, reason "${reason}"` : ''}). ` +
        'Events received before the close were delivered; call connectRealtime() again to continue.',
      cause === undefined ? undefined : { cause },
    )
    Object.assign(this, { code, reason })
  }
}
