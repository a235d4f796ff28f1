/** A signal that aborts after `ms` or when `parent` aborts; `clear()` must be called once the work is done. */
export function deadlineSignal(
  ms: number,
  parent?: AbortSignal | null,
): { signal: AbortSignal; timedOut(): boolean; clear(): void } {
  const controller = new AbortController()
  let expired = false
  const timer = setTimeout(() => {
    expired = true
    controller.abort()
  }, ms)
  const onParentAbort = () => controller.abort(parent!.reason)
  if (parent?.aborted) onParentAbort()
  else parent?.addEventListener('abort', onParentAbort, { once: true })
  return {
    signal: controller.signal,
    timedOut: () => expired,
    clear() {
      clearTimeout(timer)
      parent?.removeEventListener('abort', onParentAbort)
    },
  }
}
