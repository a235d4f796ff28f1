import type { Client, RequestOptions } from '@acme/openai-core'
import { createVectorStoreFileBatch } from './create-vector-store-file-batch'
import { type PollOptions, pollUntilDone } from './poll-until-done'
import { retrieveVectorStoreFileBatch } from './retrieve-vector-store-file-batch'
import type { CreateVectorStoreFileBatchParams, VectorStoreFileBatchObject } from './types'

/**
 * Waits until a vector store file batch is done and returns it: `completed`, `failed` or `cancelled`; its
 * `file_counts` say how many files ended which way. Polls as the server asks unless `pollInterval` is set.
 *
 * @example const batch = await pollVectorStoreFileBatch(client, 'vs_abc123', 'vsfb_abc123')
 */
export function pollVectorStoreFileBatch(
  client: Client,
  vectorStoreId: string,
  batchId: string,
  poll?: PollOptions,
  options?: RequestOptions,
): Promise<VectorStoreFileBatchObject> {
  return pollUntilDone(
    'pollVectorStoreFileBatch',
    (o) => retrieveVectorStoreFileBatch(client, vectorStoreId, batchId, o),
    poll,
    options,
  )
}

/**
 * Attaches uploaded files to a vector store as one batch (`POST /vector_stores/{id}/file_batches`) and waits until
 * every file is processed.
 *
 * @example const batch = await createVectorStoreFileBatchAndPoll(client, 'vs_abc123', { file_ids: ['file-a', 'file-b'] })
 */
export async function createVectorStoreFileBatchAndPoll(
  client: Client,
  vectorStoreId: string,
  params: CreateVectorStoreFileBatchParams,
  poll?: PollOptions,
  options?: RequestOptions,
): Promise<VectorStoreFileBatchObject> {
  const created = await createVectorStoreFileBatch(client, vectorStoreId, params, {
    ...options,
    signal: poll?.signal ?? options?.signal,
  })
  return pollVectorStoreFileBatch(client, vectorStoreId, created.id, poll, options)
}
