import { APIUserAbortError, OpenAIError } from '../errors'
import { _listen, type Listening } from './listeners'

/** Events every stream helper emits, besides its own. */
export interface BaseHelperEvents {
  /** The HTTP response (or the relayed body) arrived. */
  connect: () => void
  /** The run failed; `done()` and the `final*()` methods reject with the same error. */
  error: (error: OpenAIError) => void
  /** `abort()` was called, the caller's signal fired, or a `for await` stopped early. */
  abort: (error: APIUserAbortError) => void
  /** The run is over, whatever the outcome; nothing is emitted after it. */
  end: () => void
}

/** What every stream helper object has: listeners, its lifecycle flags, `abort()`, `done()` and iteration. */
export interface EventHelper<Events, Self, Item> extends AsyncIterable<Item> {
  /** Aborting it cancels the request (same as `abort()`). */
  readonly controller: AbortController
  readonly ended: boolean
  /** Set when the run failed or was aborted. */
  readonly errored: boolean
  readonly aborted: boolean
  /** Calls `listener` for every `event` (twice if added twice). */
  on<K extends keyof Events>(event: K, listener: Events[K]): Self
  /** Like `on`, for the next `event` only. */
  once<K extends keyof Events>(event: K, listener: Events[K]): Self
  /** Removes one registration of `listener`. */
  off<K extends keyof Events>(event: K, listener: Events[K]): Self
  /** Cancels the request; pending results reject with `APIUserAbortError`. */
  abort(): void
  /** Resolves when the run ended well; rejects with its error. */
  done(): Promise<void>
}

/** The untyped, writable view of a helper that its operation builds on. */
export interface HelperBase<Item> extends AsyncIterable<Item>, Listening<HelperBase<Item>> {
  controller: AbortController
  ended: boolean
  errored: boolean
  aborted: boolean
  abort(): void
  done(): Promise<void>
}

/** A helper under construction, with what its operation drives it by. */
export interface EventEngine<Item> {
  helper: HelperBase<Item>
  /** Calls the listeners of `event` (the run's body emits; its end ends the run, so nothing comes after `end`). */
  emit(event: string, ...args: unknown[]): void
  /** Runs `body` on a microtask, so listeners added right after creation see every event; its end ends the run. */
  start(body: () => Promise<void>): void
}

/**
 * The one engine of the stream helpers (Responses, chat, and any later one): typed listeners, `done()`,
 * abort by `abort()`, by the caller's `signal` or by leaving a `for await`, and async iteration of the first
 * argument of every `iterate` event. An iterator gets every such event emitted after it was made, even before
 * its first `next()`, then the run's error. A failure that nothing can observe (no `error` listener, no
 * `done()`/`final*()` call, no iterator) is rethrown as an unhandled rejection rather than lost.
 * @internal
 */
export function _createEventEngine<Item>(iterate: string, signal?: AbortSignal | null): EventEngine<Item> {
  const controller = new AbortController()
  let watched = false
  let settle!: (error?: unknown) => void
  const finished = new Promise<void>((resolve, reject) => {
    settle = (error) => (error ? reject(error) : resolve())
  })
  finished.catch(() => {})

  // Removed when the run ends, so a long-lived caller signal does not keep every finished run alive.
  const onAbort = () => controller.abort()
  if (signal?.aborted) onAbort()
  else signal?.addEventListener('abort', onAbort)

  const helper = {
    controller,
    ended: false,
    errored: false,
    aborted: false,
    abort: onAbort,
    done() {
      watched = true
      return finished
    },
    [Symbol.asyncIterator]() {
      watched = true
      // A ReadableStream is the queue: values wait for `next()`, concurrent reads are answered in order.
      let queue!: ReadableStreamDefaultController<Item>
      const reader = new ReadableStream<Item>({ start: (c) => void (queue = c) }).getReader()
      const push = (value: Item) => queue.enqueue(value)
      helper.on(iterate, push)
      const close = () => {
        helper.off(iterate, push)
        try {
          queue.close()
        } catch {
          // Already closed: `return()` came first.
        }
      }
      // Closing (never erroring) the queue delivers every value first; the run's error comes after them.
      finished.then(close, close)
      return {
        next: () =>
          reader.read().then((r) => (r.done ? finished.then(() => r) : r)) as Promise<IteratorResult<Item>>,
        async return() {
          close()
          // Leaving a loop early cancels the request, as with core's streams.
          if (!helper.ended) controller.abort()
          return { done: true } as IteratorResult<Item>
        },
      }
    },
  } as HelperBase<Item>
  const emit = _listen(helper)

  function end(cause?: unknown) {
    signal?.removeEventListener('abort', onAbort)
    helper.ended = true
    const aborted = (helper.aborted = cause !== undefined && controller.signal.aborted)
    const error = aborted
      ? cause instanceof APIUserAbortError
        ? cause
        : new APIUserAbortError({ cause })
      : cause === undefined || cause instanceof OpenAIError
        ? cause
        : new OpenAIError(String((cause as Error)?.message ?? cause), { cause })
    settle(error)
    if (error) {
      helper.errored = true
      if (!emit(aborted ? 'abort' : 'error', error) && !watched && !aborted) Promise.reject(error)
    }
    emit('end')
  }

  return {
    helper,
    emit,
    start(body) {
      Promise.resolve()
        .then(body)
        // A run whose source just stops when aborted still ends as aborted.
        .then(() => end(controller.signal.aborted ? new APIUserAbortError() : undefined), end)
    },
  }
}
