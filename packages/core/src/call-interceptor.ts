import type { APIResult } from './api-promise'
import type { CallContext, CallInterceptor } from './client'
import type { RequestSpec } from './request-spec'

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
