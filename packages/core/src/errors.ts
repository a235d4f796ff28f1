const BRANDS = Symbol.for('@acme/openai-core/error-brands')
const nativeInstanceOf = Function.prototype[Symbol.hasInstance]

/**
 * Base class of every error thrown by the @acme/openai packages.
 * `instanceof` also matches errors made by another copy of core (ESM next to CJS), through a `Symbol.for` brand.
 */
export class OpenAIError extends Error {
  static readonly brand: string = 'OpenAIError'

  constructor(message?: string, options?: { cause?: unknown }) {
    super(message, options)
    const brands: string[] = []
    for (let c: any = new.target; c && Object.hasOwn(c, 'brand'); c = Object.getPrototypeOf(c))
      brands.push(c.brand)
    Object.defineProperty(this, BRANDS, { value: brands })
    Object.defineProperty(this, 'name', {
      value: brands[0] ?? 'OpenAIError',
      configurable: true,
      writable: true,
    })
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    if (nativeInstanceOf.call(this, value)) return true
    const brands = (value as any)?.[BRANDS]
    return Array.isArray(brands) && Object.hasOwn(this, 'brand') && brands.includes((this as any).brand)
  }
}

/**
 * An option has a value that cannot work (a key with a line break, a timeout out of range, a client that is not
 * one). Thrown before anything is sent; never retried; the message names the option, never a secret value.
 */
export class InvalidOptionError extends OpenAIError {
  static override readonly brand: string = 'InvalidOptionError'
  /** The option at fault, e.g. `apiKey`, `timeout`, `headers['x-team']`. */
  declare readonly option: string
  constructor(option: string, message: string) {
    super(message)
    this.option = option
  }
}

/** The API answered with an error status, or a stream carried an error event. */
export class APIError<
  TStatus extends number | undefined = number | undefined,
  THeaders extends Headers | undefined = Headers | undefined,
  TError extends object | undefined = object | undefined,
> extends OpenAIError {
  static override readonly brand: string = 'APIError'
  /** HTTP status; `undefined` for errors that arrived inside a stream. */
  declare readonly status: TStatus
  declare readonly headers: THeaders
  /** The JSON `error` object the API sent, when it sent one. */
  declare readonly error: TError
  declare readonly code: string | null | undefined
  declare readonly param: string | null | undefined
  declare readonly type: string | undefined
  /** The `x-request-id` of the response: quote it when you contact support. */
  declare readonly requestID: string | null | undefined

  constructor(status: TStatus, error: TError, message: string | undefined, headers: THeaders) {
    super(apiErrorMessage(status, error, message))
    this.status = status
    this.headers = headers
    this.error = error
    const e = error as any
    this.code = e?.code
    this.param = e?.param
    this.type = e?.type
    this.requestID = headers?.get('x-request-id')
  }
}

function apiErrorMessage(status: number | undefined, error: any, message: string | undefined): string {
  const text = error?.message
    ? typeof error.message === 'string'
      ? error.message
      : JSON.stringify(error.message)
    : error
      ? JSON.stringify(error)
      : message
  if (status && text) return `${status} ${text}`
  if (status) return `${status} status code (no body)`
  return text || '(no status code or body)'
}

/** The caller aborted the request through its `signal`. Never retried. */
export class APIUserAbortError extends APIError<undefined, undefined, undefined> {
  static override readonly brand: string = 'APIUserAbortError'
  constructor({ message, cause }: { message?: string; cause?: unknown } = {}) {
    super(undefined, undefined, message || 'Request was aborted.', undefined)
    if (cause !== undefined) Object.defineProperty(this, 'cause', { value: cause, configurable: true })
  }
}

/** The request never got an HTTP response (DNS, refused, reset, TLS...). Retried by default. */
export class APIConnectionError extends APIError<undefined, undefined, undefined> {
  static override readonly brand: string = 'APIConnectionError'
  constructor({ message, cause }: { message?: string; cause?: unknown } = {}) {
    super(undefined, undefined, message || 'Connection error.', undefined)
    if (cause !== undefined) Object.defineProperty(this, 'cause', { value: cause, configurable: true })
  }
}

/** No response headers arrived (or the body did not finish) within `timeout`. Retried by default. */
export class APIConnectionTimeoutError extends APIConnectionError {
  static override readonly brand: string = 'APIConnectionTimeoutError'
  constructor({ message, cause }: { message?: string; cause?: unknown } = {}) {
    super({ message: message ?? 'Request timed out.', cause })
  }
}

/** 400 */
export class BadRequestError extends APIError<400, Headers> {
  static override readonly brand: string = 'BadRequestError'
}
/** 401: check the API key, or the token your `auth` provider returns. */
export class AuthenticationError extends APIError<401, Headers> {
  static override readonly brand: string = 'AuthenticationError'
}
/** 403 */
export class PermissionDeniedError extends APIError<403, Headers> {
  static override readonly brand: string = 'PermissionDeniedError'
}
/** 404 */
export class NotFoundError extends APIError<404, Headers> {
  static override readonly brand: string = 'NotFoundError'
}
/** 409 */
export class ConflictError extends APIError<409, Headers> {
  static override readonly brand: string = 'ConflictError'
}
/** 422 */
export class UnprocessableEntityError extends APIError<422, Headers> {
  static override readonly brand: string = 'UnprocessableEntityError'
}
/** 429: retried by default, honouring `retry-after`. */
export class RateLimitError extends APIError<429, Headers> {
  static override readonly brand: string = 'RateLimitError'
}
/** Any status >= 500: retried by default. */
export class InternalServerError extends APIError<number, Headers> {
  static override readonly brand: string = 'InternalServerError'
}

/**
 * The error class for an HTTP error status, as openai-node's `APIError.generate` picks it.
 * Without a status or headers the failure is a connection error.
 */
export function makeAPIError(
  status: number | undefined,
  error: object | undefined,
  message: string | undefined,
  headers: Headers | undefined,
): APIError {
  if (!status || !headers) return new APIConnectionError({ message, cause: error })
  const Class: typeof APIError =
    (
      {
        400: BadRequestError,
        401: AuthenticationError,
        403: PermissionDeniedError,
        404: NotFoundError,
        409: ConflictError,
        422: UnprocessableEntityError,
        429: RateLimitError,
      } as Record<number, typeof APIError>
    )[status] ?? (status >= 500 ? InternalServerError : APIError)
  return new Class(status, error, message, headers)
}
