import { APIUserAbortError, OpenAIError } from '@acme/openai-core'

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
type Listeners<E> = { [K in keyof E]: AnyListener }

/** The shared machinery of a helper run: listeners, the lifecycle, its promise and an abort controller. */
export interface EventRunner<E extends Listeners<E>> {
  readonly controller: AbortController
  readonly state: { ended: boolean; errored: boolean; aborted: boolean }
  on<K extends keyof E>(event: K, listener: E[K], once?: boolean): void
  off<K extends keyof E>(event: K, listener: E[K]): void
  emit<K extends keyof E>(event: K, ...args: Parameters<E[K]>): void
  /** Resolves when the run ended well; rejects with its error. */
  done(): Promise<void>
  /** An async iterator of one event's values; ending it early aborts the run. */
  iterate<K extends keyof E, T>(event: K, pick: (...args: Parameters<E[K]>) => T): AsyncIterator<T>
  /** Starts `body` on a microtask, so listeners added right after creation see every event. */
  start(body: () => Promise<void>): void
}

/** Makes the machinery for one helper run, tied to the caller's optional `signal`. */
export function createEventRunner<E extends Listeners<E> & BaseRunnerEvents>(
  signal?: AbortSignal | null,
): EventRunner<E> {
  const controller = new AbortController()
  const listeners = new Map<keyof E, { fn: AnyListener; once: boolean }[]>()
  const state = { ended: false, errored: false, aborted: false }
  // Someone will see a failure: a done()/final*() caller or an iterator. Otherwise it must not pass silently.
  let watched = false
  let settle!: { resolve: () => void; reject: (error: unknown) => void }
  const finished = new Promise<void>((resolve, reject) => {
    settle = { resolve, reject }
  })
  finished.catch(() => {})

  if (signal?.aborted) controller.abort()
  else signal?.addEventListener('abort', () => controller.abort(), { once: true })

  const runner: EventRunner<E> = {
    controller,
    state,
    on(event, fn, once = false) {
      const list = listeners.get(event) ?? []
      list.push({ fn, once })
      listeners.set(event, list)
    },
    off(event, fn) {
      const list = listeners.get(event)
      const at = list?.findIndex((l) => l.fn === fn) ?? -1
      if (at >= 0) list!.splice(at, 1)
    },
    emit(event, ...args) {
      const list = listeners.get(event)
      if (!list?.length) return
      for (const l of [...list]) {
        if (l.once) runner.off(event, l.fn as E[typeof event])
        l.fn(...args)
      }
    },
    done() {
      watched = true
      return finished
    },
    iterate(event, pick) {
      watched = true
      const queue: any[] = []
      const readers: { resolve: (r: IteratorResult<any>) => void; reject: (e: unknown) => void }[] = []
      let over = false
      let failure: unknown
      runner.on(event, ((...args: any[]) => {
        const value = (pick as AnyListener)(...args)
        const reader = readers.shift()
        if (reader) reader.resolve({ value, done: false })
        else queue.push(value)
      }) as E[typeof event])
      const finish = (error?: unknown) => {
        over = true
        failure = error
        for (const reader of readers.splice(0))
          error ? reader.reject(error) : reader.resolve({ value: undefined, done: true })
      }
      runner.on('end', (() => finish()) as E['end'])
      runner.on('error', ((error: unknown) => finish(error)) as E['error'])
      runner.on('abort', ((error: unknown) => finish(error)) as E['abort'])
      return {
        next() {
          if (queue.length) return Promise.resolve({ value: queue.shift(), done: false })
          if (over)
            return failure ? Promise.reject(failure) : Promise.resolve({ value: undefined, done: true })
          return new Promise((resolve, reject) => readers.push({ resolve, reject }))
        },
        return() {
          over = true
          queue.length = 0
          controller.abort()
          return Promise.resolve({ value: undefined, done: true })
        },
      }
    },
    start(body) {
      Promise.resolve()
        .then(body)
        .then(
          () => {
            state.ended = true
            settle.resolve()
            emitBase('end')
          },
          (cause) => fail(cause),
        )
    },
  }

  const emitBase = (event: keyof BaseRunnerEvents, ...args: unknown[]) =>
    (runner.emit as (event: keyof BaseRunnerEvents, ...args: unknown[]) => void)(event, ...args)

  function fail(cause: unknown) {
    state.ended = true
    if (cause instanceof APIUserAbortError || controller.signal.aborted) {
      state.aborted = true
      const error = cause instanceof APIUserAbortError ? cause : new APIUserAbortError({ cause })
      settle.reject(error)
      emitBase('abort', error)
    } else {
      state.errored = true
      const error =
        cause instanceof OpenAIError
          ? cause
          : new OpenAIError(cause instanceof Error ? cause.message : String(cause), { cause })
      settle.reject(error)
      const heard = (listeners.get('error')?.length ?? 0) > 0
      emitBase('error', error)
      if (!heard && !watched) Promise.reject(error)
    }
    emitBase('end')
  }

  return runner
}
