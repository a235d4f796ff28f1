import { FileTooLargeError } from './errors'
import { fileNameOf } from './form-data-body'
import type { MultipartUpload } from './types'

/** Throws `FileTooLargeError` when a file of known size is over the upload's limit. */
export function checkFileSize(upload: MultipartUpload, file: { size?: number | undefined }): void {
  const { limit, tooLarge } = upload
  if (file.size !== undefined && limit !== undefined && file.size > limit)
    throw new FileTooLargeError(tooLarge!(fileNameOf(file as Blob) ?? 'blob', file.size), file.size, limit)
}
