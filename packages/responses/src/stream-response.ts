import {
  type APIUserAbortError,
  type Client,
  mergeHeaders,
  OpenAIError,
  type RequestOptions,
  request,
} from '@acme/openai-core'
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
export interface ResponseStream extends AsyncIterable<ResponseStreamEvent> {
  /** Calls `listener` for each `type` event; see {@link ResponseStreamListeners}. */
  on<K extends keyof ResponseStreamListeners>(type: K, listener: ResponseStreamListeners[K]): ResponseStream
  /** Like `on`, for the next `type` event only. */
  once<K extends keyof ResponseStreamListeners>(type: K, listener: ResponseStreamListeners[K]): ResponseStream
  off<K extends keyof ResponseStreamListeners>(type: K, listener: ResponseStreamListeners[K]): ResponseStream
  /** Resolves when the stream ended cleanly; rejects with its error. */
  done(): Promise<void>
  /** The accumulated final response, with `output_text` (also after an `incomplete` or `failed` end). */
  finalResponse(): Promise<ResponseWithOutputText>
  /** Cancels the request: `done()` and `finalResponse()` reject with `APIUserAbortError`. */
  abort(): void
  /** Aborts the request when aborted. */
  readonly controller: AbortController
  /** The response accumulated so far (`undefined` before `response.created`). */
  readonly currentResponse: Response | undefined
  readonly ended: boolean
  readonly errored: boolean
  readonly aborted: boolean
}

type Listener = { fn: (value?: any) => void; once: boolean }

// The GET /responses/{id} path without core's `path` tag, which would take ~450 B gzip of the 10 KB streaming
// budget: one encoded segment is safe once the dot segments are refused.
function resumePath(id: string): string {
  if (id === '.' || id === '..')
    throw new OpenAIError(`response_id cannot be "${id}": pass the id of the response to resume.`)
  return `/responses/${encodeURIComponent(id)}`
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
  const controller = new AbortController()
  const listeners: Record<string, Listener[]> = {}
  const state: ResponseSnapshot = {}
  let ended = false
  let errored = false
  let aborted = false
  let observed = false

  const emit = (type: string, value?: unknown) => {
    const list = listeners[type]
    if (!list) return
    listeners[type] = list.filter((l) => !l.once)
    for (const l of list) l.fn(value)
  }

  const run = async (): Promise<ResponseWithOutputText> => {
    const signal = options?.signal
    const onAbort = () => controller.abort()
    if (signal?.aborted) onAbort()
    signal?.addEventListener('abort', onAbort, { once: true })
    try {
      return await consume()
    } catch (error) {
      throw error instanceof OpenAIError
        ? error
        : new OpenAIError((error as Error)?.message ?? String(error), { cause: error })
    } finally {
      signal?.removeEventListener('abort', onAbort)
    }
  }

  const consume = async (): Promise<ResponseWithOutputText> => {
    const requestOptions: RequestOptions = {
      ...options,
      signal: controller.signal,
      headers: mergeHeaders([{ 'x-stainless-helper-method': 'stream' }, options?.headers]),
    }
    // A resume replays from the start (as the official helper does) so the snapshot is complete.
    const resume = 'response_id' in params
    const after = resume ? (params.starting_after ?? -1) : -1
    const events = await (resume
      ? request<EventStream<ResponseStreamEvent>>(client, {
          ...requestOptions,
          method: 'get',
          path: resumePath(params.response_id),
          query: { stream: true, ...options?.query },
          stream: true,
        })
      : createResponse(client, { ...params, stream: true }, requestOptions))
    emit('connect')
    for await (const event of events) {
      const snapshot = _accumulateResponse(state, event)
      if (event.sequence_number <= after) continue
      emit('event', event)
      emit(
        event.type,
        event.type.endsWith('.delta') && snapshot !== undefined ? { ...event, snapshot } : event,
      )
    }
    if (!state.response) throw new OpenAIError('The stream ended without sending any events.')
    return Object.assign(state.response, { output_text: outputText(state.response) })
  }

  const finished = Promise.resolve().then(run)
  finished.then(
    () => {
      ended = true
      emit('end')
    },
    (error) => {
      errored = ended = true
      aborted = controller.signal.aborted
      if (aborted) emit('abort', error)
      else {
        if (!listeners.error?.length && !observed) Promise.reject(error)
        emit('error', error)
      }
      emit('end')
    },
  )

  const subscribe = (type: string, fn: Listener['fn'], once: boolean) => {
    ;(listeners[type] ??= []).push({ fn, once })
    return stream
  }

  const stream: ResponseStream = {
    on: (type, fn) => subscribe(type, fn, false),
    once: (type, fn) => subscribe(type, fn, true),
    off(type, fn) {
      listeners[type] = listeners[type]?.filter((l) => l.fn !== fn)
      return stream
    },
    done() {
      observed = true
      return finished.then(() => {})
    },
    finalResponse() {
      observed = true
      return finished
    },
    abort: () => controller.abort(),
    controller,
    get currentResponse() {
      return state.response
    },
    get ended() {
      return ended
    },
    get errored() {
      return errored
    },
    get aborted() {
      return aborted
    },
    async *[Symbol.asyncIterator]() {
      observed = true
      const queue: ResponseStreamEvent[] = []
      let wake = () => {}
      let over = false
      const onEvent = (event: ResponseStreamEvent) => {
        queue.push(event)
        wake()
      }
      const stop = () => {
        over = true
        wake()
      }
      stream.on('event', onEvent)
      finished.then(stop, stop)
      try {
        for (;;) {
          if (queue.length) yield queue.shift()!
          else if (over) return void (await finished)
          else await new Promise<void>((resolve) => (wake = resolve))
        }
      } finally {
        stream.off('event', onEvent)
        // Breaking out early cancels the request, as with core's streams.
        if (!ended) controller.abort()
      }
    },
  }
  return stream
}
