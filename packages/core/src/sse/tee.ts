interface Branch<T> {
  // Results the other branch already requested; each is a promise, so a slow branch never blocks a fast one.
  queue: (Promise<IteratorResult<T>> | undefined)[]
  head: number
  stopped: boolean
}

/**
 * Two iterators over one source: every result goes to both, each read at its own pace. Stopping a
 * branch drops its queue; the source's `return()` runs once both branches stopped.
 * @internal
 */
export function _teeIterator<T>(source: AsyncIterator<T>): [AsyncIterator<T>, AsyncIterator<T>] {
  const branches: [Branch<T>, Branch<T>] = [
    { queue: [], head: 0, stopped: false },
    { queue: [], head: 0, stopped: false },
  ]
  const done = (): Promise<IteratorResult<T>> => Promise.resolve({ value: undefined, done: true })

  const iterator = (own: Branch<T>): AsyncIterator<T> => ({
    next() {
      if (own.stopped) return done()
      if (own.head === own.queue.length) {
        const result = source.next()
        for (const branch of branches) if (!branch.stopped) branch.queue.push(result)
      }
      const result = own.queue[own.head]!
      own.queue[own.head++] = undefined
      if (own.head === own.queue.length) {
        own.queue = []
        own.head = 0
      } else if (own.head >= 1024 && own.head * 2 >= own.queue.length) {
        // Compact now and then, so a long-lagging queue does not keep every consumed slot.
        own.queue = own.queue.slice(own.head)
        own.head = 0
      }
      return result
    },
    async return() {
      if (!own.stopped) {
        own.stopped = true
        own.queue = []
        own.head = 0
        if (branches.every((branch) => branch.stopped)) await source.return?.()
      }
      return { value: undefined, done: true }
    },
  })

  return [iterator(branches[0]), iterator(branches[1])]
}
