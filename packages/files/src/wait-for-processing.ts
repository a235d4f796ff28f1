import { type Client, OpenAIError, type RequestOptions, sleep } from '@acme/openai-core'
import { FileProcessingTimeoutError } from './errors'
import { retrieveFile } from './retrieve-file'
import type { FileObject } from './types'

/** How `waitForProcessing` polls. */
export interface WaitForProcessingOptions {
  /** Milliseconds between polls (default 5000). */
  pollInterval?: number
  /** Milliseconds to wait in all before giving up (default 30 minutes). */
  timeout?: number
  /** Stops waiting (rejects with `APIUserAbortError`). */
  signal?: AbortSignal | null
}

const DONE = new Set(['processed', 'error', 'deleted'])

/**
 * Polls a file until its status is final (`processed`, `error`, or `deleted`) and returns it; check
 * `status === 'error'` (and `status_details`). Throws `FileProcessingTimeoutError`, naming the file and its last
 * status, when `timeout` runs out first.
 *
 * @example const file = await waitForProcessing(client, uploaded.id, { pollInterval: 1000, timeout: 60_000 })
 */
export async function waitForProcessing(
  client: Client,
  fileId: string,
  { pollInterval = 5000, timeout = 30 * 60 * 1000, signal }: WaitForProcessingOptions = {},
  options?: RequestOptions,
): Promise<FileObject> {
  for (const [name, value] of [
    ['pollInterval', pollInterval],
    ['timeout', timeout],
  ] as const)
    if (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value))
      throw new OpenAIError(
        `waitForProcessing: ${name} must be a number of milliseconds >= 0, got ${String(value)}`,
      )
  const requestOptions = { ...options, signal: signal ?? options?.signal }
  const started = performance.now()
  let file = await retrieveFile(client, fileId, requestOptions)
  while (!DONE.has(file.status)) {
    const left = timeout - (performance.now() - started)
    if (left <= 0) throw new FileProcessingTimeoutError(fileId, String(file.status), timeout)
    await sleep(Math.min(pollInterval, left), requestOptions.signal)
    file = await retrieveFile(client, fileId, requestOptions)
  }
  return file
}
