import type { APIResult } from './api-promise'
import { CLIENT_BRAND } from './assert-client'
import { BROWSER_GUARD_MESSAGE, isBrowserLike } from './browser-guard'
import { readEnv } from './env'
import { InvalidOptionError, OpenAIError } from './errors'
import { type HeadersLike, mergeHeaders } from './headers'
import { type Logger, type LogLevel, resolveLogLevel } from './log'
import type { RequestSpec } from './request-spec'

export const DEFAULT_BASE_URL = 'https://api.openai.com/v1'
export const DEFAULT_TIMEOUT = 600_000
export const DEFAULT_MAX_RETRIES = 2

/**
 * Pluggable authentication (workload identity, custom token sources). Replaces `apiKey`.
 * `headers` runs before every attempt; `invalidate` runs when the API answers 401, and returning `true`
 * makes core replay the request once (never for a streaming request body).
 */
export interface AuthProvider {
  headers(request: {
    method: string
    url: string
    signal: AbortSignal
  }): Promise<Record<string, string>> | Record<string, string>
  invalidate?(): Promise<boolean> | boolean
}

/** What a lifecycle hook is told about a request. URLs are redacted; no header or body is passed. */
export interface RequestInfo {
  /** 0 for the first attempt. */
  attempt: number
  method: string
  url: string
  /** A local id shared by all attempts of one call, as in log lines (`log_1a2b3c`). */
  logId: string
  /** The operation's function name (`'createResponse'`), when the call came from one. */
  operation?: string
}

/** Tracing and metrics hooks. A hook that throws is logged and otherwise ignored. */
export interface ClientHooks {
  onRequest?(info: RequestInfo): void
  onResponse?(info: RequestInfo & { status: number; durationMs: number; requestID: string | null }): void
  onRetry?(
    info: RequestInfo & { delayMs: number; status?: number; error?: unknown; requestID: string | null },
  ): void
  onError?(info: RequestInfo & { durationMs: number; error: unknown }): void
}

export interface ClientOptions {
  /** Defaults to `OPENAI_API_KEY`. A function is called before every attempt (rotate keys without a new client). */
  apiKey?: string | (() => string | Promise<string>) | null
  /** Defaults to `OPENAI_ORG_ID`; sent as `OpenAI-Organization`. */
  organization?: string | null
  /** Defaults to `OPENAI_PROJECT_ID`; sent as `OpenAI-Project`. */
  project?: string | null
  /** Defaults to `OPENAI_BASE_URL`, else `https://api.openai.com/v1`. A proxy URL needs no API key. */
  baseURL?: string | null
  /** Milliseconds per attempt (default 600000). For streams it bounds the time to the response headers only. */
  timeout?: number
  /** Streams only: fail when no data arrives for this many milliseconds after the headers (default: no limit). */
  idleTimeout?: number
  /** Retries after the first attempt (default 2). */
  maxRetries?: number
  /**
   * Sent with every request, over the lines of `OPENAI_CUSTOM_HEADERS` (`Name: value`, one a line); a `null` value
   * removes a header core would set.
   */
  defaultHeaders?: HeadersLike
  /** Added to every request's query; a request's `undefined` value removes one. */
  defaultQuery?: Record<string, unknown>
  /** Any WHATWG `fetch`; defaults to the global one. */
  fetch?: typeof fetch
  /** Extra `RequestInit` for every request (e.g. an undici `dispatcher`). */
  fetchOptions?: RequestInit
  /** Defaults to `console`. */
  logger?: Logger
  /** Defaults to `OPENAI_LOG`, else `warn`. */
  logLevel?: LogLevel
  /** Allow an API key in a browser. Prefer a proxy `baseURL` without a key. */
  dangerouslyAllowBrowser?: boolean
  /** Token-based auth (e.g. `workloadIdentity()` from @acme/openai-auth-workload). Excludes `apiKey`. */
  auth?: AuthProvider
  hooks?: ClientHooks
  /** Run around every call, outermost first (tracing, metrics, request rewriting). */
  interceptors?: readonly CallInterceptor[]
}

/** A client is plain configuration: pass it to any operation, e.g. `createResponse(client, params)`. */
export interface Client {
  readonly apiKey: string | (() => string | Promise<string>) | null
  readonly organization: string | null
  readonly project: string | null
  readonly baseURL: string
  readonly timeout: number
  readonly idleTimeout: number | undefined
  readonly maxRetries: number
  readonly defaultHeaders: HeadersLike
  readonly defaultQuery: Record<string, unknown> | undefined
  readonly fetch: typeof fetch
  readonly fetchOptions: RequestInit | undefined
  readonly logger: Logger
  readonly logLevel: LogLevel
  readonly auth: AuthProvider | undefined
  readonly hooks: ClientHooks | undefined
  readonly interceptors: readonly CallInterceptor[] | undefined
  readonly browser: boolean
  /** The options this client was made from, for `withOptions`. */
  readonly options: Readonly<ClientOptions>
}

/**
 * Makes a client from options and the environment (`OPENAI_API_KEY`, `OPENAI_ORG_ID`, `OPENAI_PROJECT_ID`,
 * `OPENAI_BASE_URL`, `OPENAI_LOG`, `OPENAI_CUSTOM_HEADERS`).
 *
 * @example const client = createClient({ maxRetries: 4 })
 */
// @__NO_SIDE_EFFECTS__
export function createClient(options: ClientOptions = {}): Client {
  if (typeof options !== 'object')
    throw new InvalidOptionError(
      'options',
      `createClient takes an options object, got a ${typeof options}: createClient({ apiKey }), or set OPENAI_API_KEY.`,
    )
  options ??= {}
  for (const name of ['apiKey', 'organization', 'project'] as const) {
    const value = options[name]
    if (value != null && typeof value !== 'string' && (name !== 'apiKey' || typeof value !== 'function'))
      throw new InvalidOptionError(
        name,
        `${name} must be a string${name === 'apiKey' ? ' (or a function returning one)' : ''}, got ${Array.isArray(value) ? 'an array' : typeof value}.`,
      )
  }
  const apiKey = options.apiKey === undefined ? (readEnv('OPENAI_API_KEY') ?? null) : options.apiKey
  const baseURL = options.baseURL || readEnv('OPENAI_BASE_URL') || DEFAULT_BASE_URL
  if (options.auth && options.apiKey)
    throw new OpenAIError('`apiKey` and `auth` are mutually exclusive: pass one of them to createClient.')
  const auth = options.auth
  if (!apiKey && !auth && isOpenAIHost(baseURL))
    throw new OpenAIError(
      'Missing credentials. Pass `apiKey` (or `auth`) to createClient, set OPENAI_API_KEY, or set `baseURL` to a proxy that adds the key.',
    )
  const browser = isBrowserLike()
  if (browser && (apiKey || auth) && !options.dangerouslyAllowBrowser)
    throw new OpenAIError(BROWSER_GUARD_MESSAGE)
  const fetchFn = options.fetch ?? (globalThis as any).fetch
  if (!fetchFn)
    throw new OpenAIError(
      'No global `fetch`: pass one, `createClient({ fetch })`, or polyfill `globalThis.fetch`.',
    )
  const timeout = nonNegativeInteger('timeout', options.timeout ?? DEFAULT_TIMEOUT)
  const maxRetries = nonNegativeInteger('maxRetries', options.maxRetries ?? DEFAULT_MAX_RETRIES)
  // As the official client: not read when an `auth` provider supplies the credentials.
  const customHeaders = options.auth ? undefined : readEnv('OPENAI_CUSTOM_HEADERS')
  const logger = options.logger ?? (globalThis as any).console
  return Object.freeze({
    apiKey,
    organization:
      options.organization === undefined ? (readEnv('OPENAI_ORG_ID') ?? null) : options.organization,
    project: options.project === undefined ? (readEnv('OPENAI_PROJECT_ID') ?? null) : options.project,
    baseURL,
    timeout,
    // Checked when a stream uses it, like a per-call `idleTimeout`.
    idleTimeout: options.idleTimeout,
    maxRetries,
    defaultHeaders: customHeaders
      ? mergeHeaders([parseHeaderLines(customHeaders), options.defaultHeaders], true)
      : options.defaultHeaders,
    defaultQuery: options.defaultQuery,
    fetch: fetchFn,
    fetchOptions: options.fetchOptions,
    logger,
    logLevel: resolveLogLevel(options.logLevel, logger),
    auth,
    hooks: options.hooks,
    interceptors: options.interceptors?.length ? options.interceptors : undefined,
    browser,
    [CLIENT_BRAND]: true,
    options: Object.freeze({ ...options }),
  })
}

/** A new client with some options replaced; the rest are inherited from `client`. */
// @__NO_SIDE_EFFECTS__
export function withOptions(client: Client, options: ClientOptions): Client {
  return createClient({ ...client.options, ...options })
}

function isOpenAIHost(baseURL: string): boolean {
  return /^https:\/\/([a-z0-9-]+\.)?api\.openai\.com(\/|$)/i.test(baseURL)
}

/** The longest wait timers can hold (2^31 - 1 ms, about 24.8 days); a longer one would fire at once. */
const MAX_TIMER_MS = 2_147_483_647

/**
 * Returns `value` when it is a whole number >= 0 (and, for a timeout, one that timers can hold); otherwise throws an
 * `InvalidOptionError` naming the option.
 */
export function nonNegativeInteger(name: string, value: number): number {
  const ms = /imeout$/.test(name)
  if (!Number.isSafeInteger(value) || value < 0 || (ms && value > MAX_TIMER_MS))
    throw new InvalidOptionError(
      name,
      `${name} must be a non-negative integer${ms ? ' of milliseconds up to 2147483647 (24.8 days, the most timers can wait)' : ''}, got ${String(value)}`,
    )
  return value
}

/** `Name: value` lines (as in `OPENAI_CUSTOM_HEADERS`); a later line with the same name wins. */
function parseHeaderLines(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':')
    if (colon >= 0) out[line.slice(0, colon).trim()] = line.slice(colon + 1).trim()
  }
  return out
}

/** What an interceptor sees of one call. Replace `spec` (do not mutate its objects) to change the request. */
export interface CallContext {
  readonly client: Client
  /** The operation's function name (`'createChatCompletion'`), `undefined` for a bare `request()`. */
  readonly operation: string | undefined
  /** The request as the operation described it; may be replaced before `next()`. */
  spec: RequestSpec
  /** The id the hooks and log lines of this call carry (`log_00002a`). */
  readonly logId: string
}

/**
 * Runs around a whole call (every attempt, retries included). Call `next()` once to send it; its result's
 * `data` is the parsed body, a `Stream` for `stream: true` (see `observeStream`), or the `Response` for
 * `binary: true`. Interceptors run outermost first, in the order of `ClientOptions.interceptors`.
 *
 * @example
 * const timing: CallInterceptor = async (call, next) => {
 *   const started = Date.now()
 *   try { return await next() } finally { console.log(call.operation, Date.now() - started) }
 * }
 */
export type CallInterceptor = (
  call: CallContext,
  next: () => Promise<APIResult<unknown>>,
) => Promise<APIResult<unknown>>
