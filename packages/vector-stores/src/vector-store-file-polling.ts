import type { Client, RequestOptions } from '@acme/openai-core'
import { createVectorStoreFile } from './create-vector-store-file'
import { type PollOptions, pollUntilDone } from './poll-until-done'
import { retrieveVectorStoreFile } from './retrieve-vector-store-file'
import type { CreateVectorStoreFileParams, VectorStoreFileObject } from './types'

/**
 * Waits until a vector store file is processed and returns it: `completed`, or `failed` (see `last_error`) or
 * `cancelled`. Polls as the server asks (`openai-poll-after-ms`) unless `pollInterval` is set.
 *
 * @example const file = await pollVectorStoreFile(client, 'vs_abc123', 'file-abc123')
 */
export function pollVectorStoreFile(
  client: Client,
  vectorStoreId: string,
  fileId: string,
  poll?: PollOptions,
  options?: RequestOptions,
): Promise<VectorStoreFileObject> {
  return pollUntilDone(
    'pollVectorStoreFile',
    (o) => retrieveVectorStoreFile(client, vectorStoreId, fileId, o),
    poll,
    options,
  )
}

/**
 * Attaches an uploaded file to a vector store (`POST /vector_stores/{id}/files`) and waits until it is processed.
 *
 * @example const file = await createVectorStoreFileAndPoll(client, 'vs_abc123', { file_id: 'file-abc123' })
 */
export async function createVectorStoreFileAndPoll(
  client: Client,
  vectorStoreId: string,
  params: CreateVectorStoreFileParams,
  poll?: PollOptions,
  options?: RequestOptions,
): Promise<VectorStoreFileObject> {
  const created = await createVectorStoreFile(client, vectorStoreId, params, {
    ...options,
    signal: poll?.signal ?? options?.signal,
  })
  return pollVectorStoreFile(client, vectorStoreId, created.id, poll, options)
}
