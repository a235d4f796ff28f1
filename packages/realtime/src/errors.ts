import { OpenAIError } from '@acme/openai-core'

/**
 * The WebSocket could not be opened. `status` is the HTTP status the server answered instead of `101` (unknown in
 * browsers, which do not tell), `code` a network error code such as `ECONNREFUSED`, `error` the server's JSON error.
 */
export class RealtimeHandshakeError extends OpenAIError {
  static override readonly brand: string = 'RealtimeHandshakeError'
  /** HTTP status of the refused upgrade, when the runtime reports it. */
  readonly status: number | undefined
  /** Network error code (`ECONNREFUSED`, `ENOTFOUND`, `ETIMEDOUT`...), when there was one. */
  readonly code: string | undefined
  /** The `error` object of the server's JSON answer, when it sent one. */
  readonly error: object | undefined
  /** The socket URL, credentials redacted. */
  readonly url: string

  constructor(
    message: string,
    details: { status?: number; code?: string; error?: object; url: string; cause?: unknown },
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.status = details.status
    this.code = details.code
    this.error = details.error
    this.url = details.url
  }
}

/**
 * The connection closed without you asking (any close code but 1000). Ends `for await` after the events received
 * before it; open a new connection to continue.
 */
export class RealtimeClosedError extends OpenAIError {
  static override readonly brand: string = 'RealtimeClosedError'
  /** The WebSocket close code (1006: the connection dropped without a close frame). */
  readonly code: number
  readonly reason: string

  constructor(code: number, reason: string, cause?: unknown) {
    super(
      `The realtime connection closed unexpectedly (code ${code}${reason ? `, reason "${reason}"` : ''}). ` +
        'Events received before the close were delivered; call connectRealtime() again to continue.',
      cause === undefined ? undefined : { cause },
    )
    this.code = code
    this.reason = reason
  }
}
