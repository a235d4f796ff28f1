import { type APIPromise, mergeHeaders, OpenAIError, type RequestOptions, sleep } from '@acme/openai-core'

/** How the vector store helpers poll. */
export interface PollOptions {
  /** Milliseconds between polls. When unset, the server's `openai-poll-after-ms` answer header decides, else 5000. */
  pollInterval?: number
  /** Stops waiting (rejects with `APIUserAbortError`); `AbortSignal.timeout(ms)` bounds the wait. */
  signal?: AbortSignal | null
}

const DEFAULT_POLL_MS = 5000

/**
 * Retrieves an object until its `status` is no longer `in_progress` and returns it (`completed`, `failed` or
 * `cancelled`: check it). Sends the polling headers the official SDK's helpers send.
 */
export async function pollUntilDone<T extends { status: string }>(
  name: string,
  retrieve: (options: RequestOptions) => APIPromise<T>,
  { pollInterval, signal }: PollOptions = {},
  options?: RequestOptions,
): Promise<T> {
  if (pollInterval !== undefined && !(pollInterval >= 0 && Number.isFinite(pollInterval)))
    throw new OpenAIError(`${name}: pollInterval must be a number of milliseconds >= 0, got ${pollInterval}`)
  const requestOptions: RequestOptions = {
    ...options,
    signal: signal ?? options?.signal,
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
    const { data, response } = await retrieve(requestOptions).withResponse()
    if (data.status !== 'in_progress') return data
    const asked = Number.parseInt(response.headers.get('openai-poll-after-ms') ?? '', 10)
    await sleep(pollInterval ?? (asked >= 0 ? asked : DEFAULT_POLL_MS), requestOptions.signal)
  }
}
