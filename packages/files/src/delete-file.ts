import { type APIPromise, type Client, path, type RequestOptions, request } from '@acme/openai-core'
import type { FileDeleted } from './types'

/**
 * Deletes a file (`DELETE /files/{file_id}`).
 *
 * @example const { deleted } = await deleteFile(client, 'file-abc123')
 */
export function deleteFile(
  client: Client,
  fileId: string,
  options?: RequestOptions,
): APIPromise<FileDeleted> {
  return request<FileDeleted>(client, {
    ...options,
    method: 'delete',
    operation: 'deleteFile',
    path: path`/files/${fileId}`,
  })
}
