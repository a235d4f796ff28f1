// File inputs (`toFile` and its types) and the upload errors are shared with images, audio and videos through
// `@acme/openai-core/multipart`, and re-exported here so files users need no second import.
export {
  type BinaryData,
  type ByteChunk,
  type ByteStream,
  type FileContents,
  type FileLike,
  type FileTuple,
  type StreamingFile,
  type ToFileOptions,
  toFile,
  type Uploadable,
} from '@acme/openai-core/multipart'
export { addUploadPart, type UploadPartCreateParams } from './add-upload-part'
export { cancelUpload } from './cancel-upload'
export { completeUpload } from './complete-upload'
export { createUpload } from './create-upload'
export { deleteFile } from './delete-file'
export { FileProcessingTimeoutError, FileTooLargeError, InvalidUploadError } from './errors'
export { MAX_FILE_BYTES, MAX_PART_BYTES, MAX_UPLOAD_BYTES } from './limits'
export { listFiles } from './list-files'
export { retrieveFile } from './retrieve-file'
export { retrieveFileContent } from './retrieve-file-content'
export type {
  ExpiresAfter,
  FileDeleted,
  FileListParams,
  FileObject,
  FilePurpose,
  Upload,
  UploadCompleteParams,
  UploadCreateParams,
  UploadPart,
} from './types'
export { type FileCreateParams, uploadFile } from './upload-file'
export { type UploadLargeFileParams, uploadLargeFile } from './upload-large-file'
export { type WaitForProcessingOptions, waitForProcessing } from './wait-for-processing'
