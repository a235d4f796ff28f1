import { type APIPromise, type APIResult, toAPIPromise } from './api-promise'
import { resolveAuthHeaders } from './auth-headers'
import { encodeBody } from './body'
import { buildURL } from './build-url'
import { type Client, nonNegativeInteger, type RequestInfo } from './client'
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  type APIError,
  APIUserAbortError,
  makeAPIError,
} from './errors'
import { type HeadersLike, mergeHeaders } from './headers'
import { shouldLog } from './log'
import { redactSecrets, redactURL } from './redact'
import { attachRequestId } from './request-id'
import { retryDelay, shouldRetry } from './retry-policy'
import { sleep } from './sleep'
import { VERSION } from './version'

/** Per-call options every operation accepts as its last argument. */
export interface RequestOptions {
  signal?: AbortSignal | null
  /** Milliseconds for this call's attempts; overrides the client's. */
  timeout?: number
  maxRetries?: number
  headers?: HeadersLike
  query?: Record<string, unknown>
  /** Sent as `Idempotency-Key`, the same on every attempt. */
  idempotencyKey?: string
  fetchOptions?: RequestInit
}

/** One HTTP call as an operation describes it. */
export interface RequestSpec extends RequestOptions {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete'
  path: string
  /** Absent means no body; see `encodeBody` for how values are sent. */
  body?: unknown
  /** Parse the answer as server-sent events into a `Stream`. */
  stream?: boolean
  /** Return the `Response` unread (file downloads). */
  binary?: boolean
  /** Headers of the operation itself (e.g. `accept`): under auth, `defaultHeaders` and the caller's headers. */
  operationHeaders?: HeadersLike
}

/**
 * Sends one API call through the shared pipeline: auth, headers, retries with backoff, per-attempt timeout,
 * abort, logging and hooks, then parses the answer (JSON, text, `Stream` or raw `Response`).
 */
export function request<T>(client: Client, spec: RequestSpec): APIPromise<T> {
  return toAPIPromise(send<T>(client, spec))
}

let logCounter = 0

async function send<T>(client: Client, spec: RequestSpec): Promise<APIResult<T>> {
  const method = spec.method.toUpperCase()
  const timeout = nonNegativeInteger('timeout', spec.timeout ?? client.timeout)
  const maxRetries = nonNegativeInteger('maxRetries', spec.maxRetries ?? client.maxRetries)
  const signal = spec.signal
  if (signal?.aborted) throw new APIUserAbortError({ cause: signal.reason })
  const url = buildURL(client.baseURL, spec.path, client.defaultQuery, spec.query)
  // Operation headers (e.g. a helper marker) sit under defaultHeaders, so a `null` default can remove them.
  const operationHeaders = spec.operationHeaders ? mergeHeaders([spec.operationHeaders]) : undefined
  const callerHeaders = spec.headers ? mergeHeaders([spec.headers]) : undefined
  const { body, contentType, streaming } = encodeBody(
    spec.body,
    callerHeaders?.['content-type'] ?? operationHeaders?.['content-type'],
  )
  const fixedHeaders: HeadersLike = {
    accept: 'application/json',
    'user-agent': client.browser ? undefined : `acme-openai/${VERSION}`,
    'openai-organization': client.organization ?? undefined,
    'openai-project': client.project ?? undefined,
    'idempotency-key': spec.idempotencyKey,
  }
  const observed = client.hooks !== undefined || shouldLog(client.logLevel, 'info')
  const info: RequestInfo = {
    attempt: 0,
    method,
    url: observed ? redactURL(url) : '',
    logId: `log_${(++logCounter).toString(16).padStart(6, '0')}`,
  }
  let retries = 0
  let replayedAfter401 = false

  for (let attempt = 0; ; attempt++) {
    info.attempt = attempt
    const controller = new AbortController()
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort(new APIConnectionTimeoutError())
    }, timeout)
    const onAbort = () => controller.abort(signal!.reason)
    signal?.addEventListener('abort', onAbort, { once: true })
    const release = () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
    }
    let headers: Record<string, string>
    try {
      // Inside the attempt's signal and timer, so a slow token exchange can be aborted like the request itself.
      headers = mergeHeaders([
        fixedHeaders,
        operationHeaders,
        await resolveAuthHeaders(client, { method, url, signal: controller.signal }),
        client.defaultHeaders,
        { 'content-type': contentType },
        callerHeaders,
      ])
    } catch (error) {
      release()
      if (signal?.aborted) throw new APIUserAbortError({ cause: signal.reason })
      throw error
    }
    const started = Date.now()
    hook(client, 'onRequest', info)
    if (observed && shouldLog(client.logLevel, 'debug'))
      client.logger.debug(`[${info.logId}] sending request`, info.url)

    let response: Response
    try {
      const init: RequestInit & { duplex?: 'half' } = { method, headers, body, signal: controller.signal }
      if (streaming) init.duplex = 'half'
      const fetchFn = client.fetch
      // Caller's fetchOptions go last so they can override anything, as in the official SDK.
      response = await fetchFn(
        url,
        client.fetchOptions || spec.fetchOptions
          ? { ...init, ...client.fetchOptions, ...spec.fetchOptions }
          : init,
      )
    } catch (cause) {
      release()
      if (signal?.aborted) throw new APIUserAbortError({ cause: signal.reason })
      const error =
        timedOut || isTimeoutError(cause)
          ? new APIConnectionTimeoutError({ cause })
          : new APIConnectionError({ cause })
      if (retries < maxRetries && !streaming) {
        await backoff(client, info, started, undefined, error, retries++, maxRetries, signal)
        continue
      }
      fail(
        client,
        info,
        started,
        error,
        streaming ? 'streaming body cannot be retried' : 'no more retries left',
      )
      throw error
    }

    const requestID = response.headers.get('x-request-id')
    if (!response.ok) {
      if (response.status === 401 && client.auth?.invalidate && !replayedAfter401 && !streaming) {
        release()
        response.body?.cancel().catch(() => {})
        if (await client.auth.invalidate()) {
          replayedAfter401 = true
          if (shouldLog(client.logLevel, 'info'))
            logLine(client, info, started, response, 'credentials refreshed; replaying once')
          continue
        }
        const error = makeAPIError(401, undefined, undefined, response.headers)
        fail(client, info, started, error, 'not retryable')
        throw error
      }
      if (retries < maxRetries && !streaming && shouldRetry(response.status, response.headers)) {
        release()
        response.body?.cancel().catch(() => {})
        await backoff(client, info, started, response, undefined, retries++, maxRetries, signal)
        continue
      }
      const text = await response.text().catch(() => '')
      release()
      const error = errorFromBody(response, text)
      fail(client, info, started, error, streaming ? 'streaming body cannot be retried' : 'not retryable')
      throw error
    }

    if (spec.stream || spec.binary) {
      // Only the wait for headers is timed for streams; the user's signal keeps cancelling the body.
      clearTimeout(timer)
      done(client, info, started, response, requestID)
      // Loaded on first use, so apps that never stream do not ship the SSE decoder in their main bundle.
      const data = spec.stream
        ? (await import('./sse/stream')).Stream.fromSSEResponse(response, controller, {
            isUserAbort: () => !!signal?.aborted,
          })
        : response
      return { data: data as T, response }
    }

    let text: string
    try {
      text = await response.text()
    } catch (cause) {
      release()
      if (signal?.aborted) throw new APIUserAbortError({ cause: signal.reason })
      const error = timedOut ? new APIConnectionTimeoutError({ cause }) : new APIConnectionError({ cause })
      if (retries < maxRetries && !streaming) {
        await backoff(client, info, started, undefined, error, retries++, maxRetries, signal)
        continue
      }
      fail(client, info, started, error, 'no more retries left')
      throw error
    }
    release()
    done(client, info, started, response, requestID)
    return { data: parseBody(response, text) as T, response }
  }
}

/** Parses a successful body: 204 and empty bodies are `null`/`undefined`, JSON gets a hidden `_request_id`. */
function parseBody(response: Response, text: string): unknown {
  if (response.status === 204) return null
  const type = response.headers.get('content-type')?.split(';')[0].trim().toLowerCase() ?? ''
  if (!type.includes('application/json') && !type.endsWith('+json')) return text
  if (!text) return undefined
  const data = JSON.parse(text)
  if (data && typeof data === 'object' && !Array.isArray(data)) attachRequestId(data, response)
  return data
}

function errorFromBody(response: Response, text: string): APIError {
  let json: any
  try {
    json = text ? JSON.parse(text) : undefined
  } catch {}
  const error = json && typeof json === 'object' ? (json.error ?? json) : undefined
  return makeAPIError(
    response.status,
    error,
    error ? undefined : redactSecrets(text) || undefined,
    response.headers,
  )
}

function isTimeoutError(error: unknown): boolean {
  const e = error as any
  return e?.name === 'TimeoutError' || /timed? ?out/i.test(String(e) + String(e?.cause))
}

async function backoff(
  client: Client,
  info: RequestInfo,
  started: number,
  response: Response | undefined,
  error: unknown,
  retriesSoFar: number,
  maxRetries: number,
  signal: AbortSignal | null | undefined,
): Promise<void> {
  const delayMs = retryDelay(response?.headers, retriesSoFar)
  const requestID = response?.headers.get('x-request-id') ?? null
  hook(client, 'onRetry', { ...info, delayMs, status: response?.status, error, requestID })
  if (shouldLog(client.logLevel, 'info')) {
    const left = maxRetries - retriesSoFar
    logLine(
      client,
      info,
      started,
      response,
      `retrying in ${Math.round(delayMs)}ms, ${left} attempts remaining`,
      error,
    )
  }
  await sleep(delayMs, signal)
}

function done(
  client: Client,
  info: RequestInfo,
  started: number,
  response: Response,
  requestID: string | null,
) {
  if (client.hooks)
    hook(client, 'onResponse', {
      ...info,
      status: response.status,
      durationMs: Date.now() - started,
      requestID,
    })
  if (shouldLog(client.logLevel, 'info')) logLine(client, info, started, response)
}

function fail(client: Client, info: RequestInfo, started: number, error: unknown, why: string) {
  hook(client, 'onError', { ...info, durationMs: Date.now() - started, error })
  if (shouldLog(client.logLevel, 'info')) logLine(client, info, started, undefined, `error; ${why}`, error)
}

function logLine(
  client: Client,
  info: RequestInfo,
  started: number,
  response: Response | undefined,
  note?: string,
  error?: unknown,
) {
  const id = response?.headers.get('x-request-id')
  const head = `[${info.logId}${info.attempt ? `, attempt ${info.attempt + 1}` : ''}${id ? `, x-request-id: "${id}"` : ''}]`
  const outcome = response
    ? `${response.ok ? 'succeeded' : 'failed'} with status ${response.status}`
    : `${error instanceof APIConnectionTimeoutError ? 'connection timed out' : 'failed'}`
  const line = `${head} ${info.method} ${info.url} ${outcome} in ${Date.now() - started}ms${note ? ` - ${note}` : ''}`
  client.logger.info(line)
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
