import {
  type APIUserAbortError,
  type Client,
  type EventHelper,
  mergeHeaders,
  OpenAIError,
  type RequestOptions,
  request,
} from '@acme/openai-core'
import { _assertClient, _createEventEngine } from '@acme/openai-core/internal'
import { _accumulateResponse, type ResponseSnapshot } from './accumulate-response'
import { createResponse } from './create-response'
import type { EventStream } from './event-stream'
import type { Response, ResponseStreamEvent } from './generated/types'
import { outputText } from './output-text'
import type { ResponseCreateParamsBase, ResponseStreamDeltaEvent, ResponseWithOutputText } from './types'

/** Resume an earlier stream: replays the response's events, emitting only those after `starting_after`. */
export interface ResponseStreamResumeParams {
  response_id: string
  /** The last `sequence_number` already seen; later events are emitted, earlier ones only accumulated. */
  starting_after?: number
}

/** What `streamResponse` takes: create params (`stream` is implied) or a stream to resume. */
export type ResponseStreamParams = (ResponseCreateParamsBase & { stream?: true }) | ResponseStreamResumeParams

/** An event as `on(type)` listeners get it: delta events carry `snapshot`, the text accumulated so far. */
export type ResponseStreamListenerEvent<E extends ResponseStreamEvent = ResponseStreamEvent> =
  E extends ResponseStreamDeltaEvent ? E & { snapshot: string } : E

/**
 * Listener signatures by name: one per event `type` (the server's `error` event is not among them: it ends the
 * stream with an `APIError`, delivered to `error`), plus `connect`, `event` (every event), `error`, `abort`, `end`.
 */
export type ResponseStreamListeners = {
  [E in ResponseStreamEvent as E['type'] extends 'error' ? never : E['type']]: (
    event: ResponseStreamListenerEvent<E>,
  ) => void
} & {
  /** The HTTP response arrived. */
  connect: () => void
  /** Every event, as received. */
  event: (event: ResponseStreamEvent) => void
  /** The stream failed: an `APIError` for an API error event, an `OpenAIError` for anything else. */
  error: (error: OpenAIError) => void
  /** `abort()` (or the caller's `signal`) cancelled the stream. */
  abort: (error: APIUserAbortError) => void
  /** The stream is over, whichever way. */
  end: () => void
}

/** A streamed response with accumulation: listeners per event type, async iteration and the final response. */
export interface ResponseStream
  extends EventHelper<ResponseStreamListeners, ResponseStream, ResponseStreamEvent> {
  /**
   * The accumulated final response, with `output_text` (also after an `incomplete` or `failed` end). Rejects
   * when the stream ended before `response.completed`, `response.failed` or `response.incomplete`.
   */
  finalResponse(): Promise<ResponseWithOutputText>
  /** The response accumulated so far (`undefined` before `response.created`). */
  readonly currentResponse: Response | undefined
}

// The GET /responses/{id} path without core's `path` tag, which would take ~450 B gzip of the 10 KB streaming
// budget: one encoded segment is safe once the dot segments are refused.
function resumePath(id: string): string {
  if (id === '.' || id === '..')
    throw new OpenAIError(`response_id cannot be "${id}": pass the id of the response to resume.`)
  return `/responses/${encodeURIComponent(id)}`
}

/**
 * A `ResponseStream` over the events `open` resolves to (an API call, or a body your server relays), read with
 * `controller`; events up to `after` are accumulated but not emitted.
 * @internal
 */
export function _responseStream(
  open: (controller: AbortController) => Promise<AsyncIterable<ResponseStreamEvent>>,
  signal?: AbortSignal | null,
  after = -1,
): ResponseStream {
  const { helper, emit, start } = _createEventEngine<ResponseStreamEvent>('event', signal)
  const state: ResponseSnapshot = {}
  const stream = helper as unknown as ResponseStream & { currentResponse?: Response }
  start(async () => {
    const events = await open(helper.controller)
    emit('connect')
    for await (const event of events) {
      const snapshot = _accumulateResponse(state, event)
      stream.currentResponse = state.response
      if (event.sequence_number <= after) continue
      // `event` listeners and iterators get a copy, so what they change never reaches the typed listeners.
      emit('event', structuredClone(event))
      emit(
        event.type,
        event.type.endsWith('.delta') && snapshot !== undefined ? { ...event, snapshot } : event,
      )
    }
    // Only response.completed, response.failed and response.incomplete leave the response in one of these.
    if (!/^(completed|failed|incomplete)$/.test(state.response?.status as string))
      throw new OpenAIError(
        state.response
          ? 'The stream ended before response.completed; was the connection cut?'
          : 'The stream ended without sending any events.',
      )
  })
  stream.finalResponse = () =>
    stream.done().then(() => Object.assign(state.response!, { output_text: outputText(state.response!) }))
  return stream
}

/**
 * Streams a response with accumulation, like the official `responses.stream()`: typed listeners per event,
 * `response.output_text.delta` (and every other text delta) with the `snapshot` so far, `finalResponse()`,
 * `abort()`, async iteration of the raw events, and resuming with `{ response_id, starting_after }`.
 * Unless an `error` listener, `done()`, `finalResponse()` or an iterator is there to receive it, a failure is
 * rethrown as an unhandled rejection (as in the official client) rather than lost.
 *
 * @example
 * const stream = streamResponse(client, { model: 'gpt-5.4', input: 'Say hi' })
 *   .on('response.output_text.delta', (e) => process.stdout.write(e.delta))
 * console.log((await stream.finalResponse()).output_text)
 */
export function streamResponse(
  client: Client,
  params: ResponseStreamParams,
  options?: RequestOptions,
): ResponseStream {
  _assertClient(client, 'streamResponse')
  // A resume replays from the start (as the official helper does) so the snapshot is complete.
  const resume = 'response_id' in params
  return _responseStream(
    (controller) => {
      const requestOptions: RequestOptions = {
        ...options,
        signal: controller.signal,
        // Nulls kept: a caller's `null` must still reach core to remove a default header.
        headers: mergeHeaders([{ 'x-stainless-helper-method': 'stream' }, options?.headers], true),
      }
      return resume
        ? request<EventStream<ResponseStreamEvent>>(client, {
            ...requestOptions,
            method: 'get',
            operation: 'streamResponse',
            path: resumePath(params.response_id),
            query: { stream: true, ...options?.query },
            stream: true,
          })
        : createResponse(client, { ...params, stream: true }, requestOptions)
    },
    options?.signal,
    (params as ResponseStreamResumeParams).starting_after,
  )
}
