import {
  type APIPromise,
  type Client,
  mapAPIPromise,
  path,
  type RequestOptions,
  request,
} from '@acme/openai-core'
import type { EventStream } from './event-stream'
import type { IncludeEnum, ResponseStreamEvent } from './generated/types'
import { _withOutputText } from './output-text'
import type { ResponseWithOutputText } from './types'

/** Query of `GET /responses/{id}`. */
export interface ResponseRetrieveParams {
  include?: IncludeEnum[]
  include_obfuscation?: boolean
  /** With `stream: true`: replay only the events whose `sequence_number` is greater. */
  starting_after?: number
  /** Replay the response's events as server-sent events. */
  stream?: boolean
}

/**
 * Fetches a stored response (`GET /responses/{id}`), with `output_text`. With `{ stream: true }` it replays the
 * response's events instead (`starting_after: n` skips those up to sequence number n on the server).
 *
 * @example const response = await retrieveResponse(client, 'resp_123')
 */
export function retrieveResponse(
  client: Client,
  responseId: string,
  query: ResponseRetrieveParams & { stream: true },
  options?: RequestOptions,
): APIPromise<EventStream<ResponseStreamEvent>>
export function retrieveResponse(
  client: Client,
  responseId: string,
  query?: ResponseRetrieveParams & { stream?: false },
  options?: RequestOptions,
): APIPromise<ResponseWithOutputText>
export function retrieveResponse(
  client: Client,
  responseId: string,
  query?: ResponseRetrieveParams,
  options?: RequestOptions,
): APIPromise<EventStream<ResponseStreamEvent> | ResponseWithOutputText>
export function retrieveResponse(
  client: Client,
  responseId: string,
  query: ResponseRetrieveParams = {},
  options?: RequestOptions,
): APIPromise<EventStream<ResponseStreamEvent> | ResponseWithOutputText> {
  const stream = query.stream === true
  const promise = request<any>(client, {
    ...options,
    method: 'get',
    operation: 'retrieveResponse',
    path: path`/responses/${responseId}`,
    query: { ...query, ...options?.query },
    stream,
  })
  return stream ? promise : mapAPIPromise(promise, _withOutputText)
}
