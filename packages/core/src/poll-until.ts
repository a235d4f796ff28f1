import type { APIPromise } from './api-promise'
import { OpenAIError } from './errors'
import { mergeHeaders } from './headers'
import type { RequestOptions } from './request-spec'
import { sleep } from './sleep'

/** How `_pollUntil` polls: what the helper fixes plus what its caller chose. */
export interface _PollSettings<T> {
  /** The helper's function name, for the option errors. */
  name: string
  /** One retrieve of the object, with the options every poll shares. */
  retrieve: (options: RequestOptions) => APIPromise<T>
  /** Whether a retrieved object is final (the loop returns it). */
  done: (value: T) => boolean
  /** Milliseconds between polls; when unset, the server's `openai-poll-after-ms` answer header, else 5000. */
  pollInterval?: number
  /** Milliseconds to wait in all; when unset, no limit (a `signal` can still end the wait). */
  timeout?: number
  /** The error for a `timeout` that ran out before the object was final. */
  onTimeout?: (last: T, timeout: number) => Error
  /** Called with every object retrieved, the final one included. */
  onPoll?: (value: T) => void
  signal?: AbortSignal | null
  /** Send the headers the official SDK's polling helpers send (`x-stainless-poll-helper`, ...). */
  pollHeaders?: boolean
}

const DEFAULT_POLL_MS = 5000

/**
 * The one polling loop of the helpers that wait for a job (files, batches, vector store files, videos): retrieve,
 * stop when final, else sleep as asked and retrieve again. Abortable through `signal`.
 *
 * @internal
 */
export async function _pollUntil<T>(settings: _PollSettings<T>, options?: RequestOptions): Promise<T> {
  const { name, retrieve, done, pollInterval, timeout, onTimeout, onPoll, pollHeaders } = settings
  for (const [field, value] of [
    ['pollInterval', pollInterval],
    ['timeout', timeout],
  ] as const)
    if (value !== undefined && (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value)))
      throw new OpenAIError(`${name}: ${field} must be a number of milliseconds >= 0, got ${String(value)}`)
  const shared: RequestOptions = { ...options, signal: settings.signal ?? options?.signal }
  if (pollHeaders)
    shared.headers = mergeHeaders(
      [
        {
          'x-stainless-poll-helper': 'true',
          'x-stainless-custom-poll-interval': pollInterval === undefined ? undefined : String(pollInterval),
        },
        options?.headers,
      ],
      true,
    )
  const started = performance.now()
  for (;;) {
    const { data, response } = await retrieve(shared).withResponse()
    onPoll?.(data)
    if (done(data)) return data
    const left = (timeout ?? Number.POSITIVE_INFINITY) - (performance.now() - started)
    if (left <= 0) throw onTimeout ? onTimeout(data, timeout!) : new OpenAIError(`${name}: timed out`)
    const asked = Number.parseInt(response.headers.get('openai-poll-after-ms') ?? '', 10)
    await sleep(Math.min(pollInterval ?? (asked >= 0 ? asked : DEFAULT_POLL_MS), left), shared.signal)
  }
}
