import { OpenAIError } from '@acme/openai-core'

/**
 * A subject token provider could not supply a token (file missing, metadata host unreachable or refusing, a custom
 * `getToken` throwing). `provider` says which: `'kubernetes'`, `'azure-imds'`, `'gcp-metadata'`, `'custom'` or the
 * custom provider's `name`; `cause` holds the underlying error.
 */
export class SubjectTokenProviderError extends OpenAIError {
  static override readonly brand: string = 'SubjectTokenProviderError'
  /** Which provider failed. */
  readonly provider: string
  /** The HTTP status a metadata host answered with, when it answered with an error. */
  readonly status: number | undefined

  constructor(message: string, options: { provider: string; status?: number; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.provider = options.provider
    this.status = options.status
  }
}
