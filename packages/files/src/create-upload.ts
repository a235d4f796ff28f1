import { type APIPromise, type Client, type RequestOptions, request } from '@acme/openai-core'
import type { Upload, UploadCreateParams } from './types'

/**
 * Starts an upload of up to 8 GB in parts (`POST /uploads`); it expires an hour later. `uploadLargeFile` does the
 * whole dance (create, parts, complete, cancel on failure) for you.
 *
 * @example const upload = await createUpload(client, { filename: 'big.jsonl', purpose: 'batch', bytes: size, mime_type: 'text/jsonl' })
 */
export function createUpload(
  client: Client,
  params: UploadCreateParams,
  options?: RequestOptions,
): APIPromise<Upload> {
  return request<Upload>(client, {
    ...options,
    method: 'post',
    operation: 'createUpload',
    path: '/uploads',
    body: params,
  })
}
