import type { Stream } from './sse/stream'

/** Callbacks for `observeStream`. Each is called at most as described; one that throws is ignored. */
export interface StreamObserver<T> {
  /** Every item, as the consumer receives it. */
  onEvent?(item: T): void
  /** The stream ended normally (`[DONE]` or the end of the body). */
  onEnd?(): void
  /** The stream failed; the same error reaches the consumer. */
  onError?(error: unknown): void
  /** The consumer stopped early (`break`, `return()`, or the request was aborted). */
  onCancel?(): void
}

/**
 * A `Stream` that yields the same items as `stream` and tells `observer` about each item and about how the
 * stream finished (exactly one of `onEnd`, `onError`, `onCancel`). For interceptors: return it in place of the
 * original (`{ ...result, data: observeStream(result.data, observer) }`); the caller sees the same `Stream` API.
 * A value that is not a stream is returned as it is.
 *
 * @example
 * const counting: CallInterceptor = async (call, next) => {
 *   const result = await next()
 *   if (!call.spec.stream) return result
 *   let n = 0
 *   return { ...result, data: observeStream(result.data as Stream<unknown>, { onEvent: () => n++, onEnd: () => log(n) }) }
 * }
 */
export function observeStream<T>(stream: Stream<T>, observer: StreamObserver<T>): Stream<T> {
  if (!stream || typeof (stream as any)[Symbol.asyncIterator] !== 'function' || !stream.controller)
    return stream
  let finished = false
  const tell = (name: keyof StreamObserver<T>, value?: any) => {
    if (name !== 'onEvent') {
      if (finished) return
      finished = true
    }
    try {
      observer[name]?.(value)
    } catch {}
  }
  // The constructor of the given stream, so no second copy of the class is bundled with this helper.
  const StreamClass = stream.constructor as new (
    iterate: () => AsyncIterator<T>,
    controller: AbortController,
    response?: Response,
  ) => Stream<T>
  return new StreamClass(
    () => {
      const source = stream[Symbol.asyncIterator]()
      return {
        async next() {
          let step: IteratorResult<T>
          try {
            step = await source.next()
          } catch (error) {
            tell('onError', error)
            throw error
          }
          if (!step.done) tell('onEvent', step.value)
          else tell(stream.controller.signal.aborted ? 'onCancel' : 'onEnd')
          return step
        },
        async return(value?: any) {
          tell('onCancel')
          return source.return ? source.return(value) : { done: true, value }
        },
      }
    },
    stream.controller,
    stream.response,
  )
}
