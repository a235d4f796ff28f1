import type { Fault, RecordedRequest } from './types'

/** The mutable state of one server: queued faults, recorded requests and objects the routes store. */
export interface MockState {
  faults: Fault[]
  requests: RecordedRequest[]
  /** One map of stored objects per area (`'responses'`, `'chat.completions'`, ...), all cleared by reset. */
  stores: Map<string, Map<string, unknown>>
  /** Per-prefix counters behind {@link nextId}; never reset, so an id from before a reset stays unknown. */
  counters: Map<string, number>
  /** Aborted when the server closes, so pending waits and streams stop. */
  closing: AbortSignal
}

/** Oldest requests are dropped past this many, so a long benchmark run cannot grow memory without bound. */
export const MAX_RECORDED_REQUESTS = 10_000

/** Creates an empty state bound to the server's lifetime signal. */
// @__NO_SIDE_EFFECTS__
export function createMockState(closing: AbortSignal): MockState {
  return { faults: [], requests: [], stores: new Map(), counters: new Map(), closing }
}

/** The store for one area, created on first use. */
export function storeFor<T>(state: MockState, area: string): Map<string, T> {
  let store = state.stores.get(area)
  if (!store) state.stores.set(area, (store = new Map()))
  return store as Map<string, T>
}

/** A new id such as `resp_mock_0001` (`separator` `'-'` gives `chatcmpl-mock_0001`). */
export function nextId(state: MockState, prefix: string, separator = '_'): string {
  const n = (state.counters.get(prefix) ?? 0) + 1
  state.counters.set(prefix, n)
  return `${prefix}${separator}mock_${String(n).padStart(4, '0')}`
}

/** Appends a recorded request, dropping the oldest ones past {@link MAX_RECORDED_REQUESTS}. */
export function recordRequest(state: MockState, request: RecordedRequest): void {
  state.requests.push(request)
  if (state.requests.length > MAX_RECORDED_REQUESTS)
    state.requests.splice(0, state.requests.length - MAX_RECORDED_REQUESTS)
}

/** Clears faults, recorded requests and stored objects in place (the `requests` array keeps its identity). */
export function resetMockState(state: MockState): void {
  state.faults.length = 0
  state.requests.length = 0
  for (const store of state.stores.values()) store.clear()
}
