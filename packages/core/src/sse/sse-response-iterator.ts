import { APIConnectionTimeoutError, APIError, APIUserAbortError, OpenAIError } from '../errors'
import { _createLineSplitter } from './line-decoder'
import { _createSSEParser } from './sse-decoder'

/** How `Stream.fromSSEResponse` turns events into items. */
export interface SSEStreamOptions {
  /**
   * `'data'` (default): each item is the event's parsed JSON data; an `error` event, or data with a truthy
   * `error` field, is thrown as an `APIError`.
   * `'events'`: each item is `{ event, data }` with `data` parsed, and nothing is converted to an error.
   * Both modes end at `data: [DONE]`.
   */
  mode?: 'data' | 'events'
  /**
   * Called when the controller turns out aborted during iteration: return `true` when the abort came from
   * the caller's own `signal` (iteration then throws `APIUserAbortError`), `false` when it was
   * `stream.controller.abort()` (iteration just ends, as in openai-node). Without it, every abort just ends.
   */
  isUserAbort?: () => boolean
  /** Called once when the stream closes (ended, failed or cancelled), to release what the caller holds for it. */
  onClose?: () => void
  /**
   * Milliseconds the body may stay silent before the stream fails with `APIConnectionTimeoutError` and the
   * request is aborted. Default: no limit.
   */
  idleTimeout?: number
  /** The longest line or event accepted, in characters (default 64 Mi); past it the stream fails. */
  maxEventSize?: number
}

/** An item of a stream read with `mode: 'events'`. */
export interface SSEEventItem<TData = unknown> {
  event: string | null
  data: TData
}

const noop = () => {}

/**
 * The iterator behind `Stream.fromSSEResponse` and, with `ndjson`, `Stream.fromReadableStream` (one JSON value
 * per non-blank line: no `[DONE]`, no error conversion). A plain object rather than an async generator: it hands
 * out the events decoded from each chunk with one resolved promise apiece, where a generator costs several
 * promise jobs per item, a large share of the time on a stream of small deltas.
 * @internal
 */
export function _iterateSSEResponse<T>(
  response: { body: ReadableStream<Uint8Array> | null; headers?: Headers },
  controller: AbortController,
  options: SSEStreamOptions = {},
  ndjson?: boolean,
): AsyncIterator<T> {
  const { signal } = controller
  const { idleTimeout, maxEventSize } = options
  const eventsMode = options.mode === 'events'
  // Events decoded from the last chunk, flat as [event, data, event, data, ...]: no object per event.
  let batch: (string | null)[] = []
  let index = 0
  const parser = ndjson
    ? {
        line: (text: string, start: number, end: number) => {
          if (end > start) batch.push(null, text.slice(start, end))
        },
        end: noop,
      }
    : _createSSEParser((event, data) => batch.push(event, data), false, maxEventSize)
  const lines = _createLineSplitter(parser.line, undefined, maxEventSize)
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined
  let eof = false
  let closed = false
  // Mirrors signal.aborted, which is a getter with checks: cheaper to test once per event.
  let aborted = signal.aborted
  let pulling: Promise<IteratorResult<T>> | undefined
  let idleError: APIConnectionTimeoutError | undefined

  // No data for `idleTimeout` ms while a read waits: fail the stream and abort the request.
  const onIdle = () => {
    controller.abort(
      (idleError = new APIConnectionTimeoutError({
        message: `Stream idle: no data for ${idleTimeout} ms (idleTimeout); the request was aborted.`,
      })),
    )
  }

  // Wakes a pending read when the request is aborted, even for bodies the abort does not reach.
  const onAbort = () => {
    aborted = true
    reader?.cancel(signal.reason).catch(noop)
  }

  // Ends the stream once (later calls do nothing) and gives the final result.
  function close(abort?: boolean): IteratorResult<T> {
    if (!closed) {
      closed = true
      batch = []
      signal.removeEventListener('abort', onAbort)
      options.onClose?.()
      if (abort) controller.abort()
      // After [DONE] the request is left to finish on its own; abort only if the body refuses to cancel.
      if (reader && !eof) reader.cancel().catch(abort ? noop : () => controller.abort())
      try {
        reader?.releaseLock()
      } catch {}
    }
    return { value: undefined, done: true }
  }

  function stopOnAbort(): IteratorResult<T> {
    const result = close()
    if (options.isUserAbort?.()) throw new APIUserAbortError()
    return result
  }

  // The next item from the decoded batch, `undefined` when the batch is spent and more body is needed.
  function take(): IteratorResult<T> | undefined {
    // Closed or at the end of the body: done; a spent batch otherwise needs more body.
    if (closed || index === batch.length) return closed || eof ? close() : undefined
    if (aborted) return stopOnAbort()
    const event = batch[index]
    const text = batch[index + 1]!
    index += 2
    if (!ndjson && text === '[DONE]') return close()
    let data: any
    try {
      data = JSON.parse(text)
    } catch {
      // Never echo the data: it can hold the user's private content.
      throw new SyntaxError(
        `Error reading response: malformed ${ndjson ? 'newline-delimited' : 'server-sent event'} JSON.`,
      )
    }
    if (eventsMode) data = { event, data }
    else if (!ndjson && (event === 'error' || data?.error))
      throw new APIError(undefined, data?.error ?? data, undefined, response.headers)
    return { value: data, done: false }
  }

  function fail(error: unknown): unknown {
    close(true)
    return error
  }

  // Every failure closes the stream and aborts the request (a no-op once an abort or the end closed it).
  async function pull(): Promise<IteratorResult<T>> {
    try {
      if (!reader) {
        if (!response.body) throw new OpenAIError('Attempted to iterate over a response with no body')
        reader = response.body.getReader()
        signal.addEventListener('abort', onAbort)
        if (signal.aborted) return stopOnAbort()
      }
      for (;;) {
        let chunk: ReadableStreamReadResult<Uint8Array> | undefined
        let error: unknown
        const idle = idleTimeout ? setTimeout(onIdle, idleTimeout) : undefined
        try {
          chunk = await reader.read()
        } catch (e) {
          error = e
        }
        clearTimeout(idle)
        if (idleError) throw idleError
        if (chunk && closed) return close()
        // A transport AbortError (or any failure once aborted) is the abort, not a decoding problem.
        if (signal.aborted) return stopOnAbort()
        if (!chunk) throw error
        batch = []
        index = 0
        if (chunk.done) {
          eof = true
          lines.end()
          parser.end()
        } else lines.push(chunk.value)
        const result = take()
        if (result) return result
      }
    } catch (error) {
      throw fail(error)
    }
  }

  function next(): Promise<IteratorResult<T>> {
    // Calls made while a read is pending wait their turn, so items keep their order.
    if (pulling) return pulling.then(next, next)
    try {
      const result = take()
      if (result) return Promise.resolve(result)
    } catch (error) {
      return Promise.reject(fail(error))
    }
    // Calls queued behind this read run after it is cleared.
    pulling = pull().finally(() => {
      pulling = undefined
    })
    return pulling
  }

  return {
    next,
    return: () => Promise.resolve(close(true)),
  }
}
