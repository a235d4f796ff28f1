import type { APIPromise, Client, RequestOptions } from '@acme/openai-core'
import { type NodeUploadable, toFile } from '@acme/openai-core/multipart-node'
import type { FileObject } from '../types'
import { type FileCreateParams, uploadFile as uploadFileAnywhere } from '../upload-file'

/** `uploadFile` params for Node: `file` may also be a path string, a `file:` URL or an `fs.ReadStream`. */
export interface NodeFileCreateParams extends Omit<FileCreateParams, 'file'> {
  file: NodeUploadable | PromiseLike<NodeUploadable>
}

/**
 * `uploadFile` for Node: takes a path (read lazily from disk, retried like any request) or an `fs.ReadStream`
 * (streamed once), besides everything the main entry takes.
 *
 * @example const file = await uploadFile(client, { file: './input.jsonl', purpose: 'fine-tune' })
 */
export function uploadFile(
  client: Client,
  params: NodeFileCreateParams,
  options?: RequestOptions,
): APIPromise<FileObject> {
  if (typeof params !== 'object' || params === null) return uploadFileAnywhere(client, params, options)
  return uploadFileAnywhere(client, { ...params, file: toFile(params.file) }, options)
}
