import { type APIPromise, type APIResult, toAPIPromise } from './api-promise'
import { _assertClient } from './assert-client'
import { _resolveAuthHeaders } from './auth-headers'
import { encodeBody } from './body'
import { buildURL } from './build-url'
import { intercept } from './call-interceptor'
import type { CallState } from './call-state'
import { type Client, nonNegativeInteger } from './client'
import { APIConnectionTimeoutError, APIUserAbortError, makeAPIError } from './errors'
import { mergeHeaders } from './headers'
import { shouldLog } from './log'
import { parseBody } from './parse-body'
import type { RequestSpec } from './request-spec'
import { retryDelay, shouldRetry } from './retry-policy'
import { sleep } from './sleep'
import { VERSION } from './version'

export type { RequestOptions, RequestSpec } from './request-spec'

/**
 * Sends one API call through the shared pipeline: auth, headers, retries with backoff, per-attempt timeout,
 * abort, logging and hooks, then parses the answer (JSON, text, `Stream` or raw `Response`).
 */
export function request<T>(client: Client, spec: RequestSpec): APIPromise<T> {
  _assertClient(client, spec.operation)
  const logId = `log_${(++logCounter).toString(16).padStart(6, '0')}`
  const interceptors = client.interceptors
  return toAPIPromise(
    interceptors
      ? (intercept(interceptors, { client, operation: spec.operation, spec: { ...spec }, logId }, (final) =>
          send(client, final, logId),
        ) as Promise<APIResult<T>>)
      : send<T>(client, spec, logId),
  )
}

let logCounter = 0
let slowPath: typeof import('./call-slow-path') | undefined

async function send<T>(client: Client, spec: RequestSpec, logId: string): Promise<APIResult<T>> {
  const call = startCall(client, spec, logId)
  // Hooks and log lines load on first use: a client with neither (log level `warn`, the default) never ships them.
  if (call.observed) {
    const slow = await loadSlowPath()
    call.report = slow
    call.info.url = slow.redactURL(call.url)
  }
  for (; ; call.info.attempt++) {
    startAttempt(call)
    await prepareAttempt(call)
    let response: Response
    try {
      response = await sendAttempt(call)
    } catch (cause) {
      await retryOrThrow(call, undefined, cause)
      continue
    }
    if (!response.ok) {
      if (!(await replayAfter401(call, response))) await retryOrThrow(call, response)
      continue
    }
    if (spec.stream || spec.binary) return { data: (await openBody(call, response)) as T, response }
    let text: string
    try {
      text = await response.text()
    } catch (cause) {
      await retryOrThrow(call, undefined, cause)
      continue
    }
    endAttempt(call)
    call.report?.reportSuccess(call, response)
    return { data: parseBody(response, text) as T, response }
  }
}

/** Checks the options, builds the URL and the header layers, and encodes the body once for every attempt. */
function startCall(client: Client, spec: RequestSpec, logId: string): CallState {
  const timeout = nonNegativeInteger('timeout', spec.timeout ?? client.timeout)
  const maxRetries = nonNegativeInteger('maxRetries', spec.maxRetries ?? client.maxRetries)
  const signal = spec.signal
  if (signal?.aborted) throw new APIUserAbortError({ cause: signal.reason })
  const url = buildURL(client.baseURL, spec.path, client.defaultQuery, spec.query)
  // Nulls kept: the caller's `null` removes a header whichever layer set it.
  const callerHeaders = spec.headers ? mergeHeaders([spec.headers], true) : undefined
  const operationHeaders = spec.operationHeaders ? mergeHeaders([spec.operationHeaders], true) : undefined
  const { body, contentType, oneShot } = encodeBody(
    spec.body,
    callerHeaders?.['content-type'] ?? operationHeaders?.['content-type'] ?? undefined,
  )
  const observed = client.hooks !== undefined || shouldLog(client.logLevel, 'info')
  return {
    client,
    spec,
    info: {
      attempt: 0,
      method: spec.method.toUpperCase(),
      // Redacted when the slow path loads, for the hooks and log lines only.
      url: '',
      logId,
      operation: spec.operation,
    },
    url,
    timeout,
    maxRetries,
    signal,
    headersUnderAuth: [
      {
        accept: 'application/json',
        'user-agent': client.browser ? undefined : `acme-openai/${VERSION}`,
        'openai-organization': client.organization ?? undefined,
        'openai-project': client.project ?? undefined,
        'idempotency-key': spec.idempotencyKey,
      },
      operationHeaders,
    ],
    headersOverAuth: [client.defaultHeaders, { 'content-type': contentType }, callerHeaders],
    body,
    oneShotBody: oneShot,
    observed,
    logs: (level: 'error' | 'info' | 'debug') => shouldLog(client.logLevel, level),
    retries: 0,
    replayedAfter401: false,
  } as CallState
}

/** Arms the attempt's controller: the caller's signal and the attempt's timer both abort it. */
function startAttempt(call: CallState): void {
  const controller = new AbortController()
  call.controller = controller
  call.timedOut = false
  call.timer = setTimeout(() => {
    call.timedOut = true
    controller.abort(new APIConnectionTimeoutError())
  }, call.timeout)
  call.onAbort = () => controller.abort(call.signal!.reason)
  call.signal?.addEventListener('abort', call.onAbort, { once: true })
}

/** Disarms the attempt: clears its timer and stops listening to the caller's signal. Safe to call twice. */
function endAttempt(call: CallState): void {
  clearTimeout(call.timer)
  call.signal?.removeEventListener('abort', call.onAbort)
}

/** Resolves the credentials and merges the headers; a failure here is final (not retried, not reported). */
async function prepareAttempt(call: CallState): Promise<void> {
  try {
    // Inside the attempt's signal and timer, so a slow token exchange can be aborted like the request itself.
    const auth = await _resolveAuthHeaders(call.client, {
      method: call.info.method,
      url: call.url,
      signal: call.controller.signal,
    })
    call.headers = mergeHeaders([...call.headersUnderAuth, auth, ...call.headersOverAuth])
  } catch (error) {
    endAttempt(call)
    throw userAbortOr(call, error)
  }
  // A line break would make fetch fail with a connection error that quotes the value (maybe a key).
  if (/[\r\n]/.test(Object.values(call.headers).join())) {
    endAttempt(call)
    throw userAbortOr(call, (await loadSlowPath()).lineBreakError(call))
  }
}

/** Sends the attempt. */
function sendAttempt(call: CallState): Promise<Response> {
  const { client, spec } = call
  call.started = Date.now()
  call.report?.reportRequest(call)
  const init: RequestInit & { duplex?: 'half' } = {
    method: call.info.method,
    headers: call.headers,
    body: call.body,
    signal: call.controller.signal,
  }
  if (call.oneShotBody) init.duplex = 'half'
  // Called unbound: browsers and workerd throw "Illegal invocation" when `fetch` runs with the client as `this`.
  const fetchFn = client.fetch
  // Caller's fetchOptions go last so they can override anything, as in the official SDK.
  return fetchFn(
    call.url,
    client.fetchOptions || spec.fetchOptions
      ? { ...init, ...client.fetchOptions, ...spec.fetchOptions }
      : init,
  )
}

/**
 * After a 401, lets the `auth` provider refresh its credentials once; `true` when it did and the call is to be
 * sent again. Never for a one-shot body, which cannot be sent twice.
 */
async function replayAfter401(call: CallState, response: Response): Promise<boolean> {
  const invalidate = call.client.auth?.invalidate
  if (response.status !== 401 || !invalidate || call.replayedAfter401 || call.oneShotBody) return false
  endAttempt(call)
  response.body?.cancel().catch(noop)
  if (!(await invalidate.call(call.client.auth))) {
    const error = makeAPIError(401, undefined, undefined, response.headers)
    call.report?.reportFailure(call, error, false)
    throw error
  }
  call.replayedAfter401 = true
  call.report?.reportReplay(call, response)
  return true
}

/**
 * The one exit of a failed attempt (an error status, or no response: `cause`): waits and returns when another
 * attempt is due, else reports the error and throws it. An abort by the caller always throws `APIUserAbortError`.
 */
async function retryOrThrow(call: CallState, response: Response | undefined, cause?: unknown): Promise<void> {
  if (call.signal?.aborted) {
    endAttempt(call)
    throw userAbortOr(call)
  }
  const retryable = !response || shouldRetry(response.status, response.headers)
  if (retryable && call.retries < call.maxRetries && !call.oneShotBody) {
    endAttempt(call)
    response?.body?.cancel().catch(noop)
    const delayMs = retryDelay(response?.headers, call.retries)
    if (call.report)
      call.report.reportRetry(
        call,
        delayMs,
        response,
        response ? undefined : (await loadSlowPath()).connectionError(call, cause),
      )
    call.retries++
    await sleep(delayMs, call.signal)
    return
  }
  // Read while the attempt's timer and the caller's signal still bound it.
  const text = response && (await response.text().catch(() => ''))
  endAttempt(call)
  const failures = await loadSlowPath()
  const failure = response
    ? failures.statusError(response, text!, call.headers, makeAPIError)
    : failures.connectionError(call, cause)
  call.report?.reportFailure(call, failure, retryable)
  throw failure
}

/**
 * The errors of a failed call, hooks and log lines, loaded on first use: a call that succeeds on a client with
 * neither hooks nor `info` logging never ships them. Kept once loaded: later calls need no new `import()`.
 */
async function loadSlowPath(): Promise<typeof import('./call-slow-path')> {
  return (slowPath ??= await import('./call-slow-path'))
}

/**
 * A stream or binary answer: the attempt's timer stops (it bounds the wait for headers only), the caller's signal
 * keeps cancelling the body. For a stream, the listener on the caller's signal goes when the stream closes.
 */
function openBody(call: CallState, response: Response): unknown {
  clearTimeout(call.timer)
  call.report?.reportSuccess(call, response)
  if (call.spec.binary) return response
  const idleTimeout = call.spec.idleTimeout ?? call.client.idleTimeout
  // Loaded on first use, so apps that never stream do not ship the SSE decoder in their main bundle.
  return import('./sse/stream').then(({ Stream }) =>
    Stream.fromSSEResponse(response, call.controller, {
      isUserAbort: () => !!call.signal?.aborted,
      onClose: () => endAttempt(call),
      idleTimeout: idleTimeout ? nonNegativeInteger('idleTimeout', idleTimeout) : undefined,
      maxEventSize: call.spec.maxEventSize,
    }),
  )
}

function userAbortOr(call: CallState, error?: unknown): unknown {
  return call.signal?.aborted ? new APIUserAbortError({ cause: call.signal.reason }) : error
}

const noop = () => {}
