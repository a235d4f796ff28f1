import type { Client, RequestOptions } from '@acme/openai-core'
import { _pollUntil } from '@acme/openai-core/internal'
import { retrieveBatch } from './retrieve-batch'
import type { Batch } from './types'

/** How `waitForBatch` polls. */
export interface WaitForBatchOptions {
  /**
   * Milliseconds between polls. When unset, the server's `openai-poll-after-ms` answer header decides, else 5000.
   * To bound the whole wait, pass `signal: AbortSignal.timeout(ms)`.
   */
  pollInterval?: number
  /** Stops waiting (rejects with `APIUserAbortError`). */
  signal?: AbortSignal | null
  /** Called with every batch seen while waiting (progress: `request_counts`), the final one included. */
  onPoll?: (batch: Batch) => void
}

/** The statuses after which a batch changes no more. */
export const FINAL_BATCH_STATUSES: readonly Batch['status'][] = [
  'completed',
  'failed',
  'expired',
  'cancelled',
]

/**
 * Polls a batch until its status is final (`completed`, `failed`, `expired` or `cancelled`) and returns it; check
 * `status` (and `errors`, `error_file_id`). Waits between polls as the server asks (`openai-poll-after-ms`)
 * unless `pollInterval` is set; aborting `signal` stops it.
 *
 * @example const batch = await waitForBatch(client, created.id, { signal: AbortSignal.timeout(3_600_000) })
 */
export function waitForBatch(
  client: Client,
  batchId: string,
  { pollInterval, signal, onPoll }: WaitForBatchOptions = {},
  options?: RequestOptions,
): Promise<Batch> {
  return _pollUntil(
    {
      name: 'waitForBatch',
      retrieve: (shared) => retrieveBatch(client, batchId, shared),
      done: (batch) => FINAL_BATCH_STATUSES.includes(batch.status),
      pollInterval,
      onPoll,
      signal,
      pollHeaders: true,
    },
    options,
  )
}
