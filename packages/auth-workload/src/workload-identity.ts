import { APIUserAbortError, type AuthProvider, OpenAIError } from '@acme/openai-core'
import { exchangeToken } from './exchange-token'
import { getSubjectToken } from './get-subject-token'
import { refreshAfterSeconds } from './refresh-after-seconds'
import {
  type ResolvedWorkloadIdentityOptions,
  resolveWorkloadIdentityOptions,
  type WorkloadIdentityOptions,
} from './workload-identity-options'

/** The auth provider `workloadIdentity()` makes: pass it to `createClient({ auth })` instead of an API key. */
export interface WorkloadIdentityAuth extends AuthProvider {
  /**
   * `{ authorization: 'Bearer <access token>' }`, exchanging a fresh subject token first when none is cached or the
   * cached one is due for refresh. Concurrent callers share one exchange; `signal` only stops this caller waiting.
   */
  headers(request?: { signal?: AbortSignal | null }): Promise<{ authorization: string }>
  /** Drops the cached access token (the API answered 401) and returns `true`, so core replays the request once. */
  invalidate(): true
}

interface CachedToken {
  value: string
  /** Clock time (ms) from which the token is refreshed before use. */
  refreshAt: number
}

/**
 * Authenticates with short-lived tokens from workload identity federation instead of a long-lived API key: the
 * workload's own identity token (Kubernetes, Azure, GCP or custom) is exchanged for an OpenAI access token
 * (RFC 8693), cached until `expires_in - min(refreshBufferSeconds, expires_in / 2)`, and exchanged again when due
 * or when the API answers 401.
 *
 * @example
 * const client = createClient({
 *   auth: workloadIdentity({
 *     identityProviderId: 'idp_123',
 *     serviceAccountId: 'sa_456',
 *     provider: gcpIdTokenProvider({ audience: 'https://api.openai.com/v1' }),
 *   }),
 * })
 */
// @__NO_SIDE_EFFECTS__
export function workloadIdentity(options: WorkloadIdentityOptions): WorkloadIdentityAuth {
  const config = resolveWorkloadIdentityOptions(options)
  let cached: CachedToken | undefined
  let pending: Promise<CachedToken> | undefined

  // One exchange at a time: everyone who finds the token missing or due waits on the same promise, and a
  // failure is not remembered, so the next caller starts a new exchange.
  const refresh = (): Promise<CachedToken> =>
    (pending ??= runExchange(config).then(
      (token) => {
        pending = undefined
        cached = token
        return token
      },
      (error) => {
        pending = undefined
        throw error
      },
    ))

  return {
    async headers(request) {
      const signal = request?.signal
      if (signal?.aborted) throw abortError(signal)
      const token = cached && config.now() < cached.refreshAt ? cached : await waitFor(refresh(), signal)
      return { authorization: `Bearer ${token.value}` }
    },
    invalidate() {
      // An exchange already in flight is kept: it yields a new token, not the refused one.
      cached = undefined
      return true
    },
  }
}

async function runExchange(config: ResolvedWorkloadIdentityOptions): Promise<CachedToken> {
  const source = config.provider.name || 'custom'
  try {
    const subjectToken = await getSubjectToken(config.provider, config.timeout)
    // The lifetime counts from when the request leaves, not when the answer arrives, to stay on the safe side.
    const sentAt = config.now()
    const { access_token, expires_in } = await exchangeToken({
      tokenURL: config.tokenURL,
      fetch: config.fetch(),
      timeout: config.timeout,
      identityProviderId: config.identityProviderId,
      serviceAccountId: config.serviceAccountId,
      clientId: config.clientId,
      subjectToken,
      subjectTokenType: config.provider.tokenType,
    })
    const refreshAfter = refreshAfterSeconds(expires_in, config.refreshBufferSeconds)
    config.logger?.info(
      `[workload-identity] exchanged a ${source} subject token for an access token valid ${expires_in} s; refreshing after ${refreshAfter} s`,
    )
    return { value: access_token, refreshAt: sentAt + refreshAfter * 1000 }
  } catch (error) {
    config.logger?.warn(`[workload-identity] token exchange failed: ${(error as Error)?.message}`)
    throw error
  }
}

function waitFor<T>(promise: Promise<T>, signal: AbortSignal | null | undefined): Promise<T> {
  if (!signal) return promise
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError(signal))
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof OpenAIError
    ? signal.reason
    : new APIUserAbortError({ cause: signal.reason })
}
