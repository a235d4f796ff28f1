import { type Client, OpenAIError, type RequestOptions } from '@acme/openai-core'
import { type Uploadable, uploadFile } from '@acme/openai-files'
import { createVectorStoreFileBatchAndPoll } from './file-batch-polling'
import type { PollOptions } from './poll-until-done'
import type { CreateVectorStoreFileBatchParams, VectorStoreFileBatchObject } from './types'

/** What `uploadVectorStoreFileBatchAndPoll` uploads and attaches. */
export interface UploadFileBatchParams extends Omit<CreateVectorStoreFileBatchParams, 'file_ids' | 'files'> {
  /** The files to upload (at least one). */
  files: readonly Uploadable[]
  /** Files uploaded earlier, attached in the same batch (before the new ones). */
  file_ids?: readonly string[]
}

/** Polling plus how many uploads run at once. */
export interface UploadFileBatchOptions extends PollOptions {
  /** Uploads in flight at once (default 5, as the official SDK). */
  maxConcurrency?: number
}

/**
 * Uploads many files with at most `maxConcurrency` uploads at a time (through `@acme/openai-files`' `uploadFile`),
 * attaches them (and `file_ids`) to a vector store as one batch, and waits until every file is processed. Every
 * upload settles before an upload error is thrown, so none is left running.
 *
 * @example
 * const batch = await uploadVectorStoreFileBatchAndPoll(client, 'vs_abc123', { files: [fileA, fileB] }, { maxConcurrency: 3 })
 */
export async function uploadVectorStoreFileBatchAndPoll(
  client: Client,
  vectorStoreId: string,
  { files, file_ids = [], ...batch }: UploadFileBatchParams,
  { maxConcurrency = 5, ...poll }: UploadFileBatchOptions = {},
  options?: RequestOptions,
): Promise<VectorStoreFileBatchObject> {
  if (!files?.length)
    throw new OpenAIError(
      'uploadVectorStoreFileBatchAndPoll: no `files` to upload. For files uploaded already, use createVectorStoreFileBatchAndPoll.',
    )
  if (!Number.isInteger(maxConcurrency) || maxConcurrency < 1)
    throw new OpenAIError(
      `uploadVectorStoreFileBatchAndPoll: maxConcurrency must be an integer >= 1, got ${maxConcurrency}`,
    )
  const requestOptions = { ...options, signal: poll.signal ?? options?.signal }
  // Ids in the order of `files`, whatever order the uploads finish in.
  const ids: string[] = new Array(files.length)
  let next = 0
  const worker = async () => {
    while (next < files.length) {
      const index = next++
      ids[index] = (
        await uploadFile(client, { file: files[index], purpose: 'assistants' }, requestOptions)
      ).id
    }
  }
  const settled = await Promise.allSettled(
    Array.from({ length: Math.min(maxConcurrency, files.length) }, worker),
  )
  const failure = settled.find((result) => result.status === 'rejected')
  if (failure) throw failure.reason
  return createVectorStoreFileBatchAndPoll(
    client,
    vectorStoreId,
    { ...batch, file_ids: [...file_ids, ...ids] },
    poll,
    options,
  )
}
