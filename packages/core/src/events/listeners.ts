/** A listener of any event; the event's name decides its arguments. */
export type AnyListener = (...args: any[]) => void

/** The listener methods `_listen` puts on an object; each returns that object, so calls chain. */
export interface Listening<Self> {
  /** Calls `listener` for every `event`; added twice, it is called twice. */
  on(event: string, listener: AnyListener): Self
  /** Like `on`, for the next `event` only. */
  once(event: string, listener: AnyListener): Self
  /** Removes one registration of `listener` (the oldest), so one added twice needs two calls. */
  off(event: string, listener: AnyListener): Self
}

/**
 * Calls the listeners of `event` in the order they were added (`once` ones are removed first, so one that emits
 * again is not re-entered); returns whether there was any.
 */
export type Emit = (event: string, ...args: unknown[]) => boolean

interface Registration {
  fn: AnyListener
  once?: boolean
  gone?: boolean
}

/**
 * The listener registry every event helper shares (stream helpers, realtime connections): puts `on`, `once` and
 * `off` on `self` and returns the `emit` that calls them. An event goes to the listeners present when it is
 * emitted, less any removed while it is being delivered. A throwing listener throws out of `emit` (a stream
 * helper then fails with that error); a caller that must go on (a socket's event loop) wraps its listeners.
 * @internal
 */
export function _listen<Self extends object>(self: Self): Emit {
  // No prototype: an event named `constructor` or `__proto__` is just a name.
  const map: Record<string, Registration[]> = Object.create(null)
  // Copied on write, so an emit in progress keeps the list it started with.
  const add = (event: string, fn: AnyListener, once?: boolean) => {
    map[event] = [...(map[event] ?? []), { fn, once }]
    return self
  }
  const drop = (event: string, entry?: Registration) => {
    if (entry) {
      entry.gone = true
      map[event] = map[event].filter((r) => r !== entry)
    }
    return self
  }
  Object.assign(self, {
    on: add,
    once: (event: string, fn: AnyListener) => add(event, fn, true),
    off: (event: string, fn: AnyListener) =>
      drop(
        event,
        map[event]?.find((r) => r.fn === fn),
      ),
  } satisfies Listening<Self>)
  return (event, ...args) => {
    const list = map[event] ?? []
    for (const entry of list)
      if (!entry.gone) {
        if (entry.once) drop(event, entry)
        entry.fn(...args)
      }
    return list.length > 0
  }
}
