import type { APIResult } from './api-promise'
import type { Client } from './client'
import type { RequestSpec } from './request'

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

/** Runs `send` inside the client's interceptors, outermost first. */
export function intercept(
  interceptors: readonly CallInterceptor[],
  call: CallContext,
  send: (spec: RequestSpec) => Promise<APIResult<unknown>>,
): Promise<APIResult<unknown>> {
  const run = async (i: number): Promise<APIResult<unknown>> =>
    i < interceptors.length ? interceptors[i](call, () => run(i + 1)) : send(call.spec)
  return run(0)
}
