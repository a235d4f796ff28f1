import { type APIPromise, type Client, path, type RequestOptions, request } from '@acme/openai-core'
import type { FileObject } from './types'

/**
 * Fetches a file's metadata (`GET /files/{file_id}`).
 *
 * @example const file = await retrieveFile(client, 'file-abc123')
 */
export function retrieveFile(
  client: Client,
  fileId: string,
  options?: RequestOptions,
): APIPromise<FileObject> {
  return request<FileObject>(client, {
    ...options,
    method: 'get',
    operation: 'retrieveFile',
    path: path`/files/${fileId}`,
  })
}
