import type { CallState } from './call-state'
import type { Client } from './client'
import { APIConnectionTimeoutError } from './errors'

// What a call tells its hooks and log lines. Hooks get copies of `call.info` plus the outcome; log lines are one
// `info` line per outcome, never a header or body. Neither sees anything the redacted URL does not.

/** An attempt is about to be sent. */
export function reportRequest(call: CallState): void {
  hook(call, 'onRequest', call.info)
  if (call.logs('debug')) call.client.logger.debug(`[${call.info.logId}] sending request`, call.info.url)
}

/** The attempt failed and another one follows after `delayMs`. */
export function reportRetry(
  call: CallState,
  delayMs: number,
  response: Response | undefined,
  error: unknown,
): void {
  hook(call, 'onRetry', {
    ...call.info,
    delayMs,
    status: response?.status,
    error,
    requestID: response?.headers.get('x-request-id') ?? null,
  })
  const left = call.maxRetries - call.retries
  logOutcome(call, response, `retrying in ${Math.round(delayMs)}ms, ${left} attempts remaining`, error)
}

/** The call succeeded with `response`. */
export function reportSuccess(call: CallState, response: Response): void {
  if (call.client.hooks)
    hook(call, 'onResponse', {
      ...call.info,
      status: response.status,
      durationMs: Date.now() - call.started,
      requestID: response.headers.get('x-request-id'),
    })
  logOutcome(call, response)
}

/** The call failed for good; `retryable` tells whether only the retry limit (or a one-shot body) stopped it. */
export function reportFailure(call: CallState, error: unknown, retryable: boolean): void {
  hook(call, 'onError', { ...call.info, durationMs: Date.now() - call.started, error })
  const why = call.oneShotBody
    ? 'streaming body cannot be retried'
    : retryable
      ? 'no more retries left'
      : 'not retryable'
  logOutcome(call, undefined, `error; ${why}`, error)
}

/** A 401 made the `auth` provider refresh its credentials; the call is sent once more. */
export function reportReplay(call: CallState, response: Response): void {
  logOutcome(call, response, 'credentials refreshed; replaying once')
}

function logOutcome(call: CallState, response: Response | undefined, note?: string, error?: unknown): void {
  const { client, info } = call
  if (!call.logs('info')) return
  const id = response?.headers.get('x-request-id')
  const head = `[${info.logId}${info.operation ? `, ${info.operation}` : ''}${info.attempt ? `, attempt ${info.attempt + 1}` : ''}${id ? `, x-request-id: "${id}"` : ''}]`
  const outcome = response
    ? `${response.ok ? 'succeeded' : 'failed'} with status ${response.status}`
    : `${error instanceof APIConnectionTimeoutError ? 'connection timed out' : 'failed'}`
  client.logger.info(
    `${head} ${info.method} ${info.url} ${outcome} in ${Date.now() - call.started}ms${note ? ` - ${note}` : ''}`,
  )
}

function hook<K extends keyof NonNullable<Client['hooks']>>(
  call: CallState,
  name: K,
  payload: Parameters<NonNullable<NonNullable<Client['hooks']>[K]>>[0],
): void {
  const { client } = call
  const fn = client.hooks?.[name] as ((p: unknown) => void) | undefined
  if (!fn) return
  try {
    fn({ ...payload })
  } catch (error) {
    if (call.logs('error')) client.logger.error(`hooks.${name} threw; ignoring it`, error)
  }
}
