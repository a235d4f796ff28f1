// Loaded on first use by `sendMultipart`: an upload of a File or Blob never needs this code.
import { FileTooLargeError } from './errors'
import type { MultipartBody } from './form-data-body'
import { formEntries } from './form-entries'
import { encodeMultipart } from './multipart-body'
import { checkFileSize, type MultipartUpload } from './multipart-request'
import { capStreamingFile } from './streaming-file'
import { resolveUploadable } from './to-file'
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
