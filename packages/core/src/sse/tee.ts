type Result<T> = Promise<IteratorResult<T>>

/**
 * Two iterators over one source: every result goes to both, each read at its own pace. Stopping a
 * branch drops its queue; the source's `return()` runs once both branches stopped.
 * @internal
 */
export function _teeIterator<T>(source: AsyncIterator<T>): [AsyncIterator<T>, AsyncIterator<T>] {
  // Per branch, how to queue a result for it; `undefined` once it stopped.
  const queues: (((result: Result<T>) => void) | undefined)[] = []
  const branch = (own: number): AsyncIterator<T> => {
    // Results the other branch already requested; each is a promise, so a slow branch never blocks a fast one.
    let queue: (Result<T> | undefined)[] = []
    let head = 0
    queues[own] = (result) => queue.push(result)
    return {
      next() {
        if (!queues[own]) return Promise.resolve({ value: undefined, done: true })
        if (head === queue.length) {
          const result = source.next()
          for (const push of queues) push?.(result)
        }
        const result = queue[head]!
        queue[head++] = undefined
        // Compact now and then, so a long-lagging queue does not keep every consumed slot.
        if (head === queue.length || (head >= 1024 && head * 2 >= queue.length)) {
          queue = queue.slice(head)
          head = 0
        }
        return result
      },
      async return() {
        if (queues[own]) {
          queues[own] = undefined
          queue = []
          if (!queues[1 - own]) await source.return?.()
        }
        return { value: undefined, done: true }
      },
    }
  }
  return [branch(0), branch(1)]
}
