// Loaded on first use by `sendMultipart`: an upload of a File or Blob never needs this code.
import { FileTooLargeError } from './errors'
import type { MultipartBody } from './form-data-body'
import { formEntries } from './form-entries'
import { encodeMultipart } from './multipart-body'
import { checkFileSize, type MultipartUpload } from './multipart-request'
import { resolveUploadable } from './normalize-file'
import { capStreamingFile } from './streaming-file'
import { isStreamingFile } from './uploadable'

/**
 * The multipart body for any other input: normalised by `toFile()`, checked against the limit, and for a stream of
 * unknown length stopped at the limit with the same `FileTooLargeError`.
 */
export async function streamingUploadBody(value: unknown, upload: MultipartUpload): Promise<MultipartBody> {
  let file = await resolveUploadable(value, upload.field)
  if (file.size !== undefined) checkFileSize(upload, file)
  else if (isStreamingFile(file)) {
    const name = file.name
    file = capStreamingFile(
      file,
      upload.limit,
      (size) => new FileTooLargeError(upload.tooLarge(name, size), size, upload.limit),
    )
  }
  return encodeMultipart(formEntries({ ...upload.params, [upload.field]: file }))
}

/** The `FileTooLargeError` a capped stream raised, when core reports it as the cause of a failed request. */
export function tooLargeCause(error: unknown): unknown {
  for (let e = error, depth = 0; e && depth < 5; e = (e as any).cause, depth++)
    if (e instanceof FileTooLargeError) return e
  return error
}
