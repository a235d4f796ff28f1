import type { Client, RequestOptions } from '@acme/openai-core'
import { type Uploadable, uploadFile } from '@acme/openai-files'
import { createVectorStoreFile } from './create-vector-store-file'
import type { PollOptions } from './poll-until-done'
import type { CreateVectorStoreFileParams, VectorStoreFileObject } from './types'
import { pollVectorStoreFile } from './vector-store-file-polling'

/** What to attach besides the file itself: `attributes` and `chunking_strategy` of `createVectorStoreFile`. */
export type VectorStoreFileExtras = Omit<CreateVectorStoreFileParams, 'file_id'>

/**
 * Uploads a file (`purpose: 'assistants'`, through `@acme/openai-files`' `uploadFile`) and attaches it to a vector
 * store. It is processed in the background: use `uploadVectorStoreFileAndPoll` to wait for that too.
 *
 * @example const file = await uploadVectorStoreFile(client, 'vs_abc123', ['notes.md', '# Notes'])
 */
export async function uploadVectorStoreFile(
  client: Client,
  vectorStoreId: string,
  file: Uploadable,
  extras?: VectorStoreFileExtras,
  options?: RequestOptions,
): Promise<VectorStoreFileObject> {
  const uploaded = await uploadFile(client, { file, purpose: 'assistants' }, options)
  return createVectorStoreFile(client, vectorStoreId, { ...extras, file_id: uploaded.id }, options)
}

/**
 * Uploads a file, attaches it to a vector store and waits until it is processed (`completed`, or `failed`: see
 * `last_error`).
 *
 * @example const file = await uploadVectorStoreFileAndPoll(client, 'vs_abc123', new File([text], 'notes.md'))
 */
export async function uploadVectorStoreFileAndPoll(
  client: Client,
  vectorStoreId: string,
  file: Uploadable,
  extras?: VectorStoreFileExtras,
  poll?: PollOptions,
  options?: RequestOptions,
): Promise<VectorStoreFileObject> {
  const requestOptions = { ...options, signal: poll?.signal ?? options?.signal }
  const attached = await uploadVectorStoreFile(client, vectorStoreId, file, extras, requestOptions)
  return pollVectorStoreFile(client, vectorStoreId, attached.id, poll, options)
}
