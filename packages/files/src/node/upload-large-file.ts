import type { Client, RequestOptions } from '@acme/openai-core'
import { type NodeUploadable, toFile } from '@acme/openai-core/multipart-node'
import type { Upload } from '../types'
import { type UploadLargeFileParams, uploadLargeFile as uploadLargeFileAnywhere } from '../upload-large-file'

/** `uploadLargeFile` params for Node: `file` may also be a path string, a `file:` URL or an `fs.ReadStream`. */
export interface NodeUploadLargeFileParams extends Omit<UploadLargeFileParams, 'file'> {
  file: NodeUploadable | PromiseLike<NodeUploadable>
}

/**
 * `uploadLargeFile` for Node: a path is sliced into parts read straight from disk, so an 8 GB file costs no
 * memory; an `fs.ReadStream` is cut into parts as it is read.
 *
 * @example const upload = await uploadLargeFile(client, { file: './big.jsonl', purpose: 'batch', mimeType: 'text/jsonl' })
 */
export function uploadLargeFile(
  client: Client,
  params: NodeUploadLargeFileParams,
  options?: RequestOptions,
): Promise<Upload> {
  if (typeof params !== 'object' || params === null) return uploadLargeFileAnywhere(client, params, options)
  return uploadLargeFileAnywhere(client, { ...params, file: toFile(params.file) }, options)
}
