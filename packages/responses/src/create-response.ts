import { type APIPromise, type Client, mapAPIPromise, type RequestOptions, request } from '@acme/openai-core'
import type { EventStream } from './event-stream'
import type { ResponseStreamEvent } from './generated/types'
import { _withOutputText } from './output-text'
import type {
  ResponseCreateParams,
  ResponseCreateParamsNonStreaming,
  ResponseCreateParamsStreaming,
  ResponseWithOutputText,
} from './types'

/**
 * Creates a model response (`POST /responses`). Without `stream`, resolves to the `Response` with `output_text`;
 * with `stream: true`, to an async-iterable stream of typed events.
 *
 * @example
 * const response = await createResponse(client, { model: 'gpt-5.4', input: 'Say hi' })
 * console.log(response.output_text)
 */
export function createResponse(
  client: Client,
  params: ResponseCreateParamsStreaming,
  options?: RequestOptions,
): APIPromise<EventStream<ResponseStreamEvent>>
export function createResponse(
  client: Client,
  params: ResponseCreateParamsNonStreaming,
  options?: RequestOptions,
): APIPromise<ResponseWithOutputText>
export function createResponse(
  client: Client,
  params: ResponseCreateParams,
  options?: RequestOptions,
): APIPromise<EventStream<ResponseStreamEvent> | ResponseWithOutputText>
export function createResponse(
  client: Client,
  params: ResponseCreateParams,
  options?: RequestOptions,
): APIPromise<EventStream<ResponseStreamEvent> | ResponseWithOutputText> {
  const stream = params?.stream === true
  const promise = request<any>(client, {
    ...options,
    method: 'post',
    operation: 'createResponse',
    path: '/responses',
    body: params,
    stream,
  })
  return stream ? promise : mapAPIPromise(promise, _withOutputText)
}
