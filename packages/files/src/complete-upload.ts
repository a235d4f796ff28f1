import { type APIPromise, type Client, path, type RequestOptions, request } from '@acme/openai-core'
import type { Upload, UploadCompleteParams } from './types'

/**
 * Completes an upload with its part ids in file order (`POST /uploads/{upload_id}/complete`); the answer's
 * `file` is the usable file. The parts must add up to the `bytes` announced at creation.
 *
 * @example const done = await completeUpload(client, upload.id, { part_ids: parts.map((p) => p.id) })
 */
export function completeUpload(
  client: Client,
  uploadId: string,
  params: UploadCompleteParams,
  options?: RequestOptions,
): APIPromise<Upload> {
  return request<Upload>(client, {
    ...options,
    method: 'post',
    operation: 'completeUpload',
    path: path`/uploads/${uploadId}/complete`,
    body: params,
  })
}
