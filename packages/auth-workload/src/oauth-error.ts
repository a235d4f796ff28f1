import { OpenAIError } from '@acme/openai-core'

/**
 * The token endpoint refused the exchange (HTTP 400, 401 or 403) with an RFC 6749 error such as `invalid_grant`
 * or `invalid_subject_token`. The API itself was never called, so this is not an `APIError`. Retrying with the same
 * configuration fails the same way: check `identityProviderId`, `serviceAccountId` and what the provider returns.
 */
export class OAuthError extends OpenAIError {
  static override readonly brand: string = 'OAuthError'
  /** 400, 401 or 403. */
  readonly status: number
  /** The OAuth error code (`invalid_grant`, `invalid_subject_token`, ...), when the endpoint sent one. */
  readonly error: string | undefined
  /** The endpoint's explanation, when it sent one. */
  readonly error_description: string | undefined
  readonly headers: Headers
  /** The `x-request-id` of the token endpoint's answer. */
  readonly requestID: string | null

  constructor(
    message: string,
    details: { status: number; error?: string; error_description?: string; headers: Headers },
  ) {
    super(message)
    this.status = details.status
    this.error = details.error
    this.error_description = details.error_description
    this.headers = details.headers
    this.requestID = details.headers.get('x-request-id')
  }
}
