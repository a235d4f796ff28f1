import { type Logger, OpenAIError } from '@acme/openai-core'
import { redactURL } from '@acme/openai-core/redact'
import { DEFAULT_TOKEN_EXCHANGE_URL } from './exchange-token'
import { DEFAULT_REFRESH_BUFFER_SECONDS } from './refresh-after-seconds'
import { SUBJECT_TOKEN_TYPES, type SubjectTokenProvider } from './subject-token-provider'

/** Options of `workloadIdentity()`. */
export interface WorkloadIdentityOptions {
  /** The id of the identity provider configured in your OpenAI organization (the side that trusts the workload). */
  identityProviderId: string
  /** The OpenAI service account the verified workload acts as. */
  serviceAccountId: string
  /** An OAuth client id, sent as `client_id` only when set. */
  clientId?: string
  /** Where the workload's own identity token comes from. */
  provider: SubjectTokenProvider
  /** Refresh this many seconds before expiry, at most half the token's lifetime. Default 1200. */
  refreshBufferSeconds?: number
  /** The token endpoint. Default `https://auth.openai.com/oauth/token`; override it for tests or a proxy. */
  tokenURL?: string
  /** Milliseconds to wait for the subject token, and then again for the exchange. Default 10000. */
  timeout?: number
  /** The `fetch` used for the exchange. Default: the global one, looked up at call time. */
  fetch?: typeof fetch
  /** A monotonic clock in milliseconds, for tests. Default `performance.now()`. */
  now?: () => number
  /** Gets one `info` line per exchange and one `warn` line per failure, never a token. Default: silent. */
  logger?: Logger
}

/** The checked options, defaults filled in. */
export interface ResolvedWorkloadIdentityOptions {
  identityProviderId: string
  serviceAccountId: string
  clientId: string | undefined
  provider: SubjectTokenProvider
  refreshBufferSeconds: number
  tokenURL: string
  timeout: number
  fetch: () => typeof fetch
  now: () => number
  logger: Logger | undefined
}

const SNAKE_CASE: Record<string, string> = {
  identity_provider_id: 'identityProviderId',
  service_account_id: 'serviceAccountId',
  client_id: 'clientId',
  refresh_buffer_seconds: 'refreshBufferSeconds',
  token_exchange_url: 'tokenURL',
}

function fail(message: string): never {
  throw new OpenAIError(`workloadIdentity(): ${message}`)
}

const isNonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.trim() !== ''

/** Checks `workloadIdentity()` options up front, so misuse fails at startup rather than on the first request. */
export function resolveWorkloadIdentityOptions(
  options: WorkloadIdentityOptions,
): ResolvedWorkloadIdentityOptions {
  if (!options || typeof options !== 'object')
    fail('pass an options object: { identityProviderId, serviceAccountId, provider }.')
  const o = options as WorkloadIdentityOptions & Record<string, unknown>
  for (const key of Object.keys(SNAKE_CASE))
    if (key in o) fail(`options are camelCase: rename \`${key}\` to \`${SNAKE_CASE[key]}\`.`)
  if ('apiKey' in o)
    fail('remove `apiKey`: workload identity replaces the API key, and the two cannot be combined.')
  if (!isNonEmptyString(o.identityProviderId))
    fail(
      '`identityProviderId` is required: the id of the identity provider configured in your OpenAI organization.',
    )
  if (!isNonEmptyString(o.serviceAccountId))
    fail('`serviceAccountId` is required: the OpenAI service account the workload acts as.')
  if (o.clientId !== undefined && !isNonEmptyString(o.clientId))
    fail('`clientId` must be a non-empty string when given (or leave it out).')
  checkProvider(o.provider)
  const refreshBufferSeconds = o.refreshBufferSeconds ?? DEFAULT_REFRESH_BUFFER_SECONDS
  if (
    typeof refreshBufferSeconds !== 'number' ||
    !Number.isFinite(refreshBufferSeconds) ||
    refreshBufferSeconds < 0
  )
    fail(
      `\`refreshBufferSeconds\` must be a number of seconds >= 0 (default ${DEFAULT_REFRESH_BUFFER_SECONDS}), got ${String(o.refreshBufferSeconds)}.`,
    )
  const tokenURL = o.tokenURL ?? DEFAULT_TOKEN_EXCHANGE_URL
  if (!isHttpURL(tokenURL))
    fail(
      `\`tokenURL\` must be an absolute http(s) URL without credentials, got ${typeof tokenURL === 'string' ? redactURL(tokenURL) : typeof tokenURL}.`,
    )
  const timeout = o.timeout ?? 10_000
  if (!Number.isSafeInteger(timeout) || timeout <= 0)
    fail(`\`timeout\` must be a whole number of milliseconds > 0 (default 10000), got ${String(o.timeout)}.`)
  for (const name of ['fetch', 'now'] as const)
    if (o[name] !== undefined && typeof o[name] !== 'function')
      fail(`\`${name}\` must be a function when given.`)
  if (
    o.logger !== undefined &&
    (typeof o.logger?.info !== 'function' || typeof o.logger?.warn !== 'function')
  )
    fail('`logger` must have `info` and `warn` methods (console works).')
  const customFetch = o.fetch
  return {
    identityProviderId: o.identityProviderId,
    serviceAccountId: o.serviceAccountId,
    clientId: o.clientId,
    provider: o.provider,
    refreshBufferSeconds,
    tokenURL,
    timeout,
    fetch: () => customFetch ?? globalFetch(),
    now: o.now ?? monotonicNow,
    logger: o.logger,
  }
}

function checkProvider(provider: unknown): void {
  if (typeof provider === 'function')
    fail(
      '`provider` is a function: call it to make a provider, e.g. `provider: gcpIdTokenProvider({ audience })`, or pass { tokenType, getToken }.',
    )
  if (!provider || typeof provider !== 'object')
    fail(
      "`provider` is required: e.g. gcpIdTokenProvider({ audience }), or { tokenType: 'jwt', getToken: () => token }.",
    )
  const p = provider as Partial<SubjectTokenProvider>
  if (typeof p.getToken !== 'function')
    fail('`provider.getToken` must be a function that returns the subject token.')
  if (!Object.hasOwn(SUBJECT_TOKEN_TYPES, p.tokenType as string))
    fail(
      `unsupported \`provider.tokenType\` ${JSON.stringify(p.tokenType)}. Supported types: ${Object.keys(SUBJECT_TOKEN_TYPES).join(', ')}.`,
    )
}

// Credentials in the URL are refused too: fetch cannot send them and would echo them in its error.
function isHttpURL(value: unknown): boolean {
  if (typeof value !== 'string') return false
  try {
    const { protocol, username, password } = new URL(value)
    return (protocol === 'https:' || protocol === 'http:') && !username && !password
  } catch {
    return false
  }
}

function globalFetch(): typeof fetch {
  const f = (globalThis as { fetch?: typeof fetch }).fetch
  if (!f)
    throw new OpenAIError(
      '`fetch` is not defined as a global: pass it to workloadIdentity({ fetch }) or polyfill `globalThis.fetch`.',
    )
  return f
}

function monotonicNow(): number {
  const performance = (globalThis as { performance?: { now(): number } }).performance
  return performance ? performance.now() : Date.now()
}
