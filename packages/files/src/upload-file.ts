import { type APIPromise, type Client, type RequestOptions, toAPIPromise } from '@acme/openai-core'
import { sendMultipart, type Uploadable } from '@acme/openai-core/multipart'
import { MAX_FILE_BYTES } from './limits'
import { requirePurpose } from './require-purpose'
import type { ExpiresAfter, FileObject, FilePurpose } from './types'

/** Body of `uploadFile`. */
export interface FileCreateParams {
  /** The file: a `File`, `Blob`, bytes, a `Response`, a named stream, a `[filename, contents, mimeType]` tuple. */
  file: Uploadable | PromiseLike<Uploadable>
  purpose: FilePurpose
  expires_after?: ExpiresAfter
}

/**
 * Uploads a file (`POST /files`, up to 512 MB; use `uploadLargeFile` above that). Streams are sent as they are
 * read, never held in memory; a file over the limit is refused with `FileTooLargeError` before any byte is sent.
 * A stream body cannot be replayed, so core does not retry it; Blobs and Files are retried as usual.
 *
 * @example const file = await uploadFile(client, { file: ['train.jsonl', jsonlText], purpose: 'fine-tune' })
 */
export function uploadFile(
  client: Client,
  params: FileCreateParams,
  options?: RequestOptions,
): APIPromise<FileObject> {
  return toAPIPromise(
    (async () => {
      requirePurpose(params?.purpose)
      return sendMultipart<FileObject>(
        client,
        {
          operation: 'uploadFile',
          path: '/files',
          files: ['file'],
          params: { ...params },
          limit: MAX_FILE_BYTES,
          tooLarge: (name, size) =>
            `'${name}' is ${size} bytes, over the 512 MB limit: send it with uploadLargeFile.`,
        },
        options,
      )
    })(),
  )
}
