import { isRecord } from './is-record'
import type { MockState } from './mock-state'
import type { Fault } from './types'

const isNonNegative = (value: unknown): boolean =>
  typeof value === 'number' && value >= 0 && !Number.isNaN(value)

/** Why `fault` is not a valid fault, or `null` when it is. */
export function faultProblem(fault: unknown): string | null {
  if (!isRecord(fault)) return 'a fault must be an object'
  const { match, times, delayMs, reset, status, headers, sse } = fault
  if (match !== undefined) {
    if (!isRecord(match)) return '`match` must be an object like { method, path }'
    if (match.method !== undefined && typeof match.method !== 'string')
      return '`match.method` must be a string'
    if (match.path !== undefined && typeof match.path !== 'string' && !(match.path instanceof RegExp))
      return '`match.path` must be a string prefix or a RegExp'
  }
  if (
    times !== undefined &&
    !(typeof times === 'number' && times >= 1 && (Number.isInteger(times) || times === Infinity))
  )
    return '`times` must be a whole number >= 1 (or Infinity)'
  if (delayMs !== undefined && !isNonNegative(delayMs)) return '`delayMs` must be a number >= 0'
  if (reset !== undefined && typeof reset !== 'boolean') return '`reset` must be a boolean'
  if (
    status !== undefined &&
    !(Number.isInteger(status) && (status as number) >= 100 && (status as number) <= 599)
  )
    return '`status` must be an HTTP status code between 100 and 599'
  if (
    headers !== undefined &&
    !(isRecord(headers) && Object.values(headers).every((v) => typeof v === 'string'))
  )
    return '`headers` must be an object of string values'
  if (sse !== undefined) {
    if (!isRecord(sse) || !Array.isArray(sse.chunks) || !sse.chunks.every((c) => typeof c === 'string'))
      return '`sse.chunks` must be an array of strings'
    if (sse.delayMs !== undefined && !isNonNegative(sse.delayMs)) return '`sse.delayMs` must be a number >= 0'
    if (sse.cutAfter !== undefined && !(Number.isInteger(sse.cutAfter) && (sse.cutAfter as number) >= 0))
      return '`sse.cutAfter` must be a whole number >= 0'
  }
  return null
}

/** Queues faults after checking them all; throws a `TypeError` naming the first bad one. */
export function enqueueFaults(state: MockState, faults: readonly unknown[]): void {
  faults.forEach((fault, i) => {
    const problem = faultProblem(fault)
    if (problem) throw new TypeError(`Invalid fault at position ${i}: ${problem}.`)
  })
  // Copy so later edits to the caller's objects do not change queued faults.
  for (const fault of faults as Fault[]) state.faults.push({ ...fault })
}

/** Whether `fault` applies to a request. Without `match.path` only `/v1` requests match. */
export function faultMatches(fault: Fault, method: string, path: string): boolean {
  const match = fault.match ?? {}
  if (match.method !== undefined && match.method.toUpperCase() !== method) return false
  if (match.path === undefined) return path === '/v1' || path.startsWith('/v1/')
  if (typeof match.path === 'string') return path.startsWith(match.path)
  match.path.lastIndex = 0
  return match.path.test(path)
}

/** Takes the first queued fault matching the request (FIFO), counting down its `times`. */
export function takeFault(state: MockState, method: string, path: string): Fault | undefined {
  const index = state.faults.findIndex((fault) => faultMatches(fault, method, path))
  if (index === -1) return undefined
  const fault = state.faults[index]
  const left = (fault.times ?? 1) - 1
  if (left <= 0) state.faults.splice(index, 1)
  else fault.times = left
  return fault
}
