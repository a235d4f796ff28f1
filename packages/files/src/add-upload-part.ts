import { type APIPromise, type Client, path, type RequestOptions, toAPIPromise } from '@acme/openai-core'
import { sendMultipart, type Uploadable } from '@acme/openai-core/multipart'
import { MAX_PART_BYTES } from './limits'
import type { UploadPart } from './types'

/** Body of `addUploadPart`. */
export interface UploadPartCreateParams {
  /** The part's bytes (at most 64 MB): a Blob (e.g. `file.slice(start, end)`), bytes, or a stream. */
  data: Uploadable | PromiseLike<Uploadable>
}

/**
 * Adds one part to an upload (`POST /uploads/{upload_id}/parts`); parts may be sent in parallel, their order is
 * set by `completeUpload`. A Blob part is retried by core like any request; a stream part cannot be.
 *
 * @example const part = await addUploadPart(client, upload.id, { data: file.slice(0, 64 * 1024 * 1024) })
 */
export function addUploadPart(
  client: Client,
  uploadId: string,
  params: UploadPartCreateParams,
  options?: RequestOptions,
): APIPromise<UploadPart> {
  return toAPIPromise(
    (async () => {
      // Inside the async body, so a bad id rejects the promise like every other error instead of throwing.
      return sendMultipart<UploadPart>(
        client,
        {
          operation: 'addUploadPart',
          path: path`/uploads/${uploadId}/parts`,
          files: ['data'],
          params: { ...params },
          limit: MAX_PART_BYTES,
          tooLarge: (_name, size) =>
            `The part is ${size} bytes; the Uploads API takes at most 64 MB (${MAX_PART_BYTES} bytes) per part.`,
        },
        options,
      )
    })(),
  )
}
