import { APIUserAbortError, OpenAIError } from '@acme/openai-core'
import type { ChatCompletionChunk } from './types/chat-completion-chunk'

/** Events every helper emits, besides its own. */
export interface BaseRunnerEvents {
  /** The first response headers arrived. */
  connect: () => void
  /** The run failed; the promise-returning methods reject with the same error. */
  error: (error: OpenAIError) => void
  /** `abort()` was called or the caller's signal fired. */
  abort: (error: APIUserAbortError) => void
  /** The run is over, whatever the outcome. */
  end: () => void
}

type AnyListener = (...args: any[]) => void

/** What every helper object has: listeners, its lifecycle flags, `abort()`, `done()`, and chunk iteration. */
export interface EventHelper<Events, Self> extends AsyncIterable<ChatCompletionChunk> {
  /** Aborting it cancels the request (same as `abort()`). */
  readonly controller: AbortController
  readonly ended: boolean
  readonly errored: boolean
  readonly aborted: boolean
  on<K extends keyof Events>(event: K, listener: Events[K]): Self
  once<K extends keyof Events>(event: K, listener: Events[K]): Self
  off<K extends keyof Events>(event: K, listener: Events[K]): Self
  /** Cancels the request; pending results reject with `APIUserAbortError`. */
  abort(): void
  /** Resolves when the run ended well; rejects with its error. */
  done(): Promise<void>
}

/** The untyped, writable view of a helper that its operation builds on. */
export interface HelperBase extends AsyncIterable<ChatCompletionChunk> {
  controller: AbortController
  ended: boolean
  errored: boolean
  aborted: boolean
  on(event: string, listener: AnyListener): HelperBase
  once(event: string, listener: AnyListener): HelperBase
  off(event: string, listener: AnyListener): HelperBase
  abort(): void
  done(): Promise<void>
}

/** A helper under construction, with the internals its operation drives. */
export interface EventRunner {
  helper: HelperBase
  emit(event: string, ...args: unknown[]): void
  /** Starts `body` on a microtask, so listeners added right after creation see every event. */
  start(body: () => Promise<void>): void
}

/**
 * Makes the base of a helper object tied to the caller's optional `signal`. Failures reject `done()`; one
 * that nothing can observe (no `error` listener, no `done()`/`final*()` call, no iteration) is rethrown as
 * an unhandled rejection rather than lost.
 */
export function createEventRunner(signal?: AbortSignal | null): EventRunner {
  const controller = new AbortController()
  const listeners = new Map<string, { fn: AnyListener; once?: boolean }[]>()
  let watched = false
  let settle!: (error?: unknown) => void
  const finished = new Promise<void>((resolve, reject) => {
    settle = (error) => (error ? reject(error) : resolve())
  })
  finished.catch(() => {})

  // Removed when the run ends, so a long-lived caller signal does not keep every finished run alive.
  const onAbort = () => controller.abort()
  if (signal?.aborted) onAbort()
  signal?.addEventListener('abort', onAbort)

  const on = (event: string, fn: AnyListener, once?: boolean): HelperBase => {
    listeners.set(event, [...(listeners.get(event) ?? []), { fn, once }])
    return helper
  }
  const emit = (event: string, ...args: unknown[]) => {
    for (const l of listeners.get(event) ?? []) {
      if (l.once) helper.off(event, l.fn)
      l.fn(...args)
    }
  }

  const helper: HelperBase = {
    controller,
    ended: false,
    errored: false,
    aborted: false,
    on,
    once: (event, fn) => on(event, fn, true),
    off(event, fn) {
      listeners.set(event, listeners.get(event)?.filter((l) => l.fn !== fn) ?? [])
      return helper
    },
    abort: () => controller.abort(),
    done() {
      watched = true
      return finished
    },
    [Symbol.asyncIterator]() {
      watched = true
      let queue!: ReadableStreamDefaultController<ChatCompletionChunk>
      const reader = new ReadableStream<ChatCompletionChunk>({ start: (c) => void (queue = c) }).getReader()
      on('chunk', (chunk) => queue.enqueue(chunk))
      // Closing (never erroring) the queue delivers every chunk first; the run's error comes after them.
      const close = () => queue.close()
      finished.then(close, close)
      return {
        next: () =>
          reader.read().then((r) => (r.done ? finished.then(() => r) : r)) as Promise<
            IteratorResult<ChatCompletionChunk>
          >,
        async return() {
          controller.abort()
          return { done: true } as IteratorResult<ChatCompletionChunk>
        },
      }
    },
  }

  function finish(error?: unknown, event?: string) {
    signal?.removeEventListener('abort', onAbort)
    helper.ended = true
    settle(error)
    if (event) emit(event, error)
    emit('end')
  }

  function fail(cause: unknown) {
    if (cause instanceof APIUserAbortError || controller.signal.aborted) {
      helper.aborted = true
      finish(cause instanceof APIUserAbortError ? cause : new APIUserAbortError({ cause }), 'abort')
    } else {
      helper.errored = true
      const error =
        cause instanceof OpenAIError
          ? cause
          : new OpenAIError(String((cause as Error)?.message ?? cause), { cause })
      if (!watched && !listeners.get('error')?.length) Promise.reject(error)
      finish(error, 'error')
    }
  }

  return {
    helper,
    emit,
    start(body) {
      Promise.resolve()
        .then(body)
        .then(() => finish(), fail)
    },
  }
}
