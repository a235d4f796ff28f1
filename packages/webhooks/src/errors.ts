const BRAND = '@acme/openai-webhooks/InvalidWebhookSignatureError'

/**
 * The webhook request is not authentic: a required header is missing, the timestamp is malformed or outside the
 * tolerance, or no signature matches. Answer it with a 400 and do not act on it.
 *
 * `instanceof` also matches errors made by another copy of this package (an ESM and a CJS copy side by side),
 * through a `Symbol.for` brand.
 */
export class InvalidWebhookSignatureError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InvalidWebhookSignatureError'
    // Non-enumerable so logs and inspectors show a plain error.
    Object.defineProperty(this, Symbol.for(BRAND), { value: true })
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    // A subclass keeps ordinary prototype semantics; only the base class (whose parent is Error) answers by brand.
    // Not `this !== InvalidWebhookSignatureError`: a class body naming itself makes the bundler emit
    // `class _InvalidWebhookSignatureError`, the name stack traces and inspectors then show.
    if (Object.getPrototypeOf(this) !== Error) return Function.prototype[Symbol.hasInstance].call(this, value)
    return typeof value === 'object' && value !== null && (value as any)[Symbol.for(BRAND)] === true
  }
}
