import type { Client, RequestOptions } from '@acme/openai-core'
import { _pollUntil } from '@acme/openai-core/internal'
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
export function waitForProcessing(
  client: Client,
  fileId: string,
  { pollInterval = 5000, timeout = 30 * 60 * 1000, signal }: WaitForProcessingOptions = {},
  options?: RequestOptions,
): Promise<FileObject> {
  return _pollUntil(
    {
      name: 'waitForProcessing',
      retrieve: (shared) => retrieveFile(client, fileId, shared),
      done: (file) => DONE.has(file.status),
      pollInterval,
      timeout,
      onTimeout: (file, ms) => new FileProcessingTimeoutError(fileId, String(file.status), ms),
      signal,
    },
    options,
  )
}
