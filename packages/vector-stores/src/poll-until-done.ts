import type { APIPromise, RequestOptions } from '@acme/openai-core'
import { _pollUntil } from '@acme/openai-core/internal'

/** How the vector store helpers poll. */
export interface PollOptions {
  /** Milliseconds between polls. When unset, the server's `openai-poll-after-ms` answer header decides, else 5000. */
  pollInterval?: number
  /** Stops waiting (rejects with `APIUserAbortError`); `AbortSignal.timeout(ms)` bounds the wait. */
  signal?: AbortSignal | null
}

/**
 * Retrieves an object until its `status` is no longer `in_progress` and returns it (`completed`, `failed` or
 * `cancelled`: check it). Sends the polling headers the official SDK's helpers send.
 */
export function pollUntilDone<T extends { status: string }>(
  name: string,
  retrieve: (options: RequestOptions) => APIPromise<T>,
  { pollInterval, signal }: PollOptions = {},
  options?: RequestOptions,
): Promise<T> {
  return _pollUntil(
    {
      name,
      retrieve,
      done: (value) => value.status !== 'in_progress',
      pollInterval,
      signal,
      pollHeaders: true,
    },
    options,
  )
}
