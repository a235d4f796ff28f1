import { FileTooLargeError } from './errors'
import { fileNameOf } from './form-data-body'
import type { MultipartUpload } from './types'

/** Throws `FileTooLargeError` when a file of known size is over the upload's limit. */
export function checkFileSize(upload: MultipartUpload, file: { size?: number | undefined }): void {
  if (file.size !== undefined && file.size > upload.limit)
    throw new FileTooLargeError(
      upload.tooLarge(fileNameOf(file as Blob) ?? 'blob', file.size),
      file.size,
      upload.limit,
    )
}
