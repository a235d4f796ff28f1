// Everything exported here is public API, documented in the README. Plumbing for the @acme/openai-* packages is on
// `@acme/openai-core/internal` and, for the redaction helpers, `@acme/openai-core/redact`.
export { type APIPromise, type APIResult, mapAPIPromise, toAPIPromise } from './api-promise'
export { isBrowserLike } from './browser-guard'
export { buildURL } from './build-url'
export {
  type AuthProvider,
  type CallContext,
  type CallInterceptor,
  type Client,
  type ClientHooks,
  type ClientOptions,
  createClient,
  DEFAULT_BASE_URL,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT,
  type RequestInfo,
  withOptions,
} from './client'
export { readEnv } from './env'
export {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  InvalidOptionError,
  makeAPIError,
  NotFoundError,
  OpenAIError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from './errors'
// The stream helpers' event engine types (its code is on `/internal`).
export type {
  AnyListener,
  BaseHelperEvents,
  Emit,
  EventEngine,
  EventHelper,
  HelperBase,
  Listening,
  RelayedStreamSource,
} from './events/index'
export { type HeadersLike, mergeHeaders } from './headers'
export type { Logger, LogLevel } from './log'
export { observeStream, type StreamObserver } from './observe-stream'
export { type Page, type PageKind, type PagePromise, requestPage } from './pagination'
export { path } from './path'
export { stringifyQuery } from './query'
export { request } from './request'
export { attachRequestId } from './request-id'
export type { RequestOptions, RequestSpec } from './request-spec'
export { retryDelay, shouldRetry } from './retry-policy'
export { sleep } from './sleep'
// Types only: the SSE decoder's code loads on the first streaming call, or from '@acme/openai-core/stream'.
export type { ServerSentEvent, SSEEventItem, SSEStreamOptions, Stream } from './sse/index'
export { VERSION } from './version'
