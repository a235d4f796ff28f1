/** Whether a failed response is worth another attempt: `x-should-retry` decides first, then the status. */
export function shouldRetry(status: number, headers: Headers): boolean {
  const hint = headers.get('x-should-retry')
  if (hint === 'true') return true
  if (hint === 'false') return false
  return status === 408 || status === 409 || status === 429 || status >= 500
}

/**
 * Milliseconds to wait before retry number `retriesSoFar + 1`. A server hint (`retry-after-ms`, then
 * `retry-after` as seconds or an HTTP date) wins when it is between 0 and 60 s; otherwise exponential backoff
 * from 0.5 s doubling to 8 s, with up to 25% jitter taken off.
 */
export function retryDelay(
  headers: Headers | undefined,
  retriesSoFar: number,
  random: () => number = Math.random,
  now: () => number = Date.now,
): number {
  let hinted: number | undefined
  const ms = headers?.get('retry-after-ms')
  if (ms != null && !Number.isNaN(Number.parseFloat(ms))) hinted = Number.parseFloat(ms)
  else {
    const after = headers?.get('retry-after')
    if (after != null) {
      const seconds = Number.parseFloat(after)
      hinted = Number.isNaN(seconds) ? Date.parse(after) - now() : seconds * 1000
    }
  }
  if (hinted !== undefined && Number.isFinite(hinted) && hinted >= 0 && hinted <= 60_000) return hinted
  const base = Math.min(0.5 * 2 ** retriesSoFar, 8)
  return base * (1 - random() * 0.25) * 1000
}
