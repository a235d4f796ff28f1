import { type APIPromise, type Client, path, type RequestOptions, request } from '@acme/openai-core'
import type { Upload } from './types'

/**
 * Cancels a pending upload (`POST /uploads/{upload_id}/cancel`); no part can be added afterwards.
 *
 * @example await cancelUpload(client, upload.id)
 */
export function cancelUpload(client: Client, uploadId: string, options?: RequestOptions): APIPromise<Upload> {
  return request<Upload>(client, {
    ...options,
    method: 'post',
    operation: 'cancelUpload',
    path: path`/uploads/${uploadId}/cancel`,
  })
}
