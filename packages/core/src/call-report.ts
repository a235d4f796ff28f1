import type { CallState } from './call-state'
import type { Client } from './client'
import { APIConnectionTimeoutError } from './errors'
import { shouldLog } from './log'

// What a call tells its hooks and log lines. Hooks get copies of `call.info` plus the outcome; log lines are one
// `info` line per outcome, never a header or body. Neither sees anything the redacted URL does not.

/** An attempt is about to be sent. */
export function reportRequest(call: CallState): void {
  hook(call.client, 'onRequest', call.info)
  if (call.observed && shouldLog(call.client.logLevel, 'debug'))
    call.client.logger.debug(`[${call.info.logId}] sending request`, call.info.url)
}

/** The attempt failed and another one follows after `delayMs`. */
export function reportRetry(
  call: CallState,
  delayMs: number,
  response: Response | undefined,
  error: unknown,
): void {
  hook(call.client, 'onRetry', {
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
    hook(call.client, 'onResponse', {
      ...call.info,
      status: response.status,
      durationMs: Date.now() - call.started,
      requestID: response.headers.get('x-request-id'),
    })
  logOutcome(call, response)
}

/** The call failed for good; `why` says why it is not retried. */
export function reportFailure(call: CallState, error: unknown, why: string): void {
  hook(call.client, 'onError', { ...call.info, durationMs: Date.now() - call.started, error })
  logOutcome(call, undefined, `error; ${why}`, error)
}

/** A 401 made the `auth` provider refresh its credentials; the call is sent once more. */
export function reportReplay(call: CallState, response: Response): void {
  logOutcome(call, response, 'credentials refreshed; replaying once')
}

function logOutcome(call: CallState, response: Response | undefined, note?: string, error?: unknown): void {
  const { client, info } = call
  if (!shouldLog(client.logLevel, 'info')) return
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
  client: Client,
  name: K,
  payload: Parameters<NonNullable<NonNullable<Client['hooks']>[K]>>[0],
): void {
  const fn = client.hooks?.[name] as ((p: unknown) => void) | undefined
  if (!fn) return
  try {
    fn({ ...payload })
  } catch (error) {
    if (shouldLog(client.logLevel, 'error')) client.logger.error(`hooks.${name} threw; ignoring it`, error)
  }
}
