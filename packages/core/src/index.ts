// Everything exported here is public API, documented in the README, except names that start with `_`: those are
// plumbing for the @acme/openai-* packages, marked `@internal` where they are defined, and may change in any release.
export { type APIPromise, type APIResult, mapAPIPromise, toAPIPromise } from './api-promise'
export { _assertClient } from './assert-client'
export { _resolveAuthHeaders } from './auth-headers'
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
// The stream helpers' event engine. Here, not in the `/stream` entry: importing that entry statically would put
// the SSE decoder in the up-front chunk of every app that imports a package with a stream helper.
export * from './events/index'
export { type HeadersLike, mergeHeaders } from './headers'
export type { Logger, LogLevel } from './log'
export { observeStream, type StreamObserver } from './observe-stream'
export { type Page, type PageKind, type PagePromise, requestPage } from './pagination'
export { path } from './path'
export { stringifyQuery } from './query'
export { _redactValues, _secretValues, redactHeaders, redactSecrets, redactURL } from './redact'
export { request } from './request'
export { attachRequestId } from './request-id'
export type { RequestOptions, RequestSpec } from './request-spec'
export { retryDelay, shouldRetry } from './retry-policy'
export { sleep } from './sleep'
// Types only: the SSE decoder's code loads on the first streaming call, or from '@acme/openai-core/stream'.
export type { ServerSentEvent, SSEEventItem, SSEStreamOptions, Stream } from './sse/index'
export { VERSION } from './version'
