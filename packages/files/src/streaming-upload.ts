// Loaded on first use by `sendMultipart`: an upload of a File or Blob never needs this code.
import { FileTooLargeError } from './errors'
import type { MultipartUpload } from './multipart-request'
import { resolveUploadable } from './normalize-file'
import { capStreamingFile } from './streaming-file'
import { isStreamingFile, type StreamingFile } from './uploadable'

export { encodeMultipartStream } from './multipart-body'

/**
 * Any input other than a Blob, normalised by `toFile()`; a stream of unknown length is stopped at the upload's
 * limit with the same `FileTooLargeError` a known size gets before sending.
 */
export async function uploadFileFrom(value: unknown, upload: MultipartUpload): Promise<Blob | StreamingFile> {
  const file = await resolveUploadable(value, upload.field)
  if (!isStreamingFile(file) || file.size !== undefined) return file
  const { name } = file
  return capStreamingFile(
    file,
    upload.limit,
    (size) => new FileTooLargeError(upload.tooLarge(name, size), size, upload.limit),
  )
}

/** The `FileTooLargeError` a capped stream raised, when core reports it as the cause of a failed request. */
export function tooLargeCause(error: unknown): unknown {
  for (let e = error, depth = 0; e && depth < 5; e = (e as any).cause, depth++)
    if (e instanceof FileTooLargeError) return e
  return error
}
