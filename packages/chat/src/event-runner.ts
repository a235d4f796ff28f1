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
  emit(event: keyof E & string, ...args: unknown[]): void
  /** Resolves when the run ended well; rejects with its error. */
  done(): Promise<void>
  /** An async iterator of one event's first argument; ending it early aborts the run. */
  iterate<K extends keyof E>(event: K): AsyncIterator<Parameters<E[K]>[0]>
  /** Starts `body` on a microtask, so listeners added right after creation see every event. */
  start(body: () => Promise<void>): void
}

/** Makes the machinery for one helper run, tied to the caller's optional `signal`. */
export function createEventRunner<E extends Listeners<E> & BaseRunnerEvents>(
  signal?: AbortSignal | null,
): EventRunner<E> {
  const controller = new AbortController()
  const listeners = new Map<keyof E, { fn: AnyListener; once?: boolean }[]>()
  const state = { ended: false, errored: false, aborted: false }
  // Someone will see a failure: a done()/final*() caller or an iterator. Otherwise it must not pass silently.
  let watched = false
  let settle!: (error?: unknown) => void
  const finished = new Promise<void>((resolve, reject) => {
    settle = (error) => (error ? reject(error) : resolve())
  })
  finished.catch(() => {})

  if (signal?.aborted) controller.abort()
  else signal?.addEventListener('abort', () => controller.abort(), { once: true })

  const runner: EventRunner<E> = {
    controller,
    state,
    on(event, fn, once) {
      listeners.set(event, [...(listeners.get(event) ?? []), { fn, once }])
    },
    off(event, fn) {
      listeners.set(event, listeners.get(event)?.filter((l) => l.fn !== fn) ?? [])
    },
    emit(event, ...args) {
      for (const l of listeners.get(event) ?? []) {
        if (l.once) runner.off(event, l.fn as E[typeof event])
        l.fn(...args)
      }
    },
    done() {
      watched = true
      return finished
    },
    iterate(event) {
      watched = true
      const items: unknown[] = []
      const waiting: (() => void)[] = []
      let over = false
      let failure: unknown
      const wake = () => {
        for (const w of waiting.splice(0)) w()
      }
      const add = (name: keyof E, fn: AnyListener) => runner.on(name, fn as E[keyof E])
      add(event, (item) => {
        items.push(item)
        wake()
      })
      add('error', (error) => (failure = error))
      add('abort', (error) => (failure = error))
      add('end', () => {
        over = true
        wake()
      })
      return {
        async next() {
          while (!items.length && !over) await new Promise<void>((resolve) => waiting.push(resolve))
          if (items.length) return { value: items.shift() as any, done: false }
          if (failure) throw failure
          return { value: undefined, done: true }
        },
        async return() {
          over = true
          items.length = 0
          controller.abort()
          return { value: undefined, done: true }
        },
      }
    },
    start(body) {
      Promise.resolve()
        .then(body)
        .then(
          () => {
            state.ended = true
            settle()
            runner.emit('end')
          },
          fail,
        )
    },
  }

  function fail(cause: unknown) {
    state.ended = true
    if (cause instanceof APIUserAbortError || controller.signal.aborted) {
      state.aborted = true
      const error = cause instanceof APIUserAbortError ? cause : new APIUserAbortError({ cause })
      settle(error)
      runner.emit('abort', error)
    } else {
      state.errored = true
      const error =
        cause instanceof OpenAIError
          ? cause
          : new OpenAIError(cause instanceof Error ? cause.message : String(cause), { cause })
      settle(error)
      const heard = !!listeners.get('error')?.length
      runner.emit('error', error)
      if (!heard && !watched) Promise.reject(error)
    }
    runner.emit('end')
  }

  return runner
}
