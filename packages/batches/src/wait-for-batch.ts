import { type Client, mergeHeaders, OpenAIError, type RequestOptions, sleep } from '@acme/openai-core'
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

const DEFAULT_POLL_MS = 5000

/**
 * Polls a batch until its status is final (`completed`, `failed`, `expired` or `cancelled`) and returns it; check
 * `status` (and `errors`, `error_file_id`). Waits between polls as the server asks (`openai-poll-after-ms`)
 * unless `pollInterval` is set; aborting `signal` stops it.
 *
 * @example const batch = await waitForBatch(client, created.id, { signal: AbortSignal.timeout(3_600_000) })
 */
export async function waitForBatch(
  client: Client,
  batchId: string,
  { pollInterval, signal, onPoll }: WaitForBatchOptions = {},
  options?: RequestOptions,
): Promise<Batch> {
  if (pollInterval !== undefined && !(pollInterval >= 0 && Number.isFinite(pollInterval)))
    throw new OpenAIError(
      `waitForBatch: pollInterval must be a number of milliseconds >= 0, got ${pollInterval}`,
    )
  const requestOptions: RequestOptions = {
    ...options,
    signal: signal ?? options?.signal,
    // The same headers the official SDK's polling helpers send.
    headers: mergeHeaders(
      [
        {
          'x-stainless-poll-helper': 'true',
          'x-stainless-custom-poll-interval': pollInterval === undefined ? undefined : String(pollInterval),
        },
        options?.headers,
      ],
      true,
    ),
  }
  for (;;) {
    const { data: batch, response } = await retrieveBatch(client, batchId, requestOptions).withResponse()
    onPoll?.(batch)
    if (FINAL_BATCH_STATUSES.includes(batch.status)) return batch
    const asked = Number.parseInt(response.headers.get('openai-poll-after-ms') ?? '', 10)
    await sleep(pollInterval ?? (asked >= 0 ? asked : DEFAULT_POLL_MS), requestOptions.signal)
  }
}
