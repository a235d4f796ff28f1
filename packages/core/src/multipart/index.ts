// The `@acme/openai-core/multipart` entry: file inputs and multipart uploads, shared by the packages that send files
// (files, images, audio, videos). Apps use `toFile` and the types; `sendMultipart` is for those packages.
export { FileTooLargeError, InvalidUploadError } from './errors'
export { sendMultipart } from './send-multipart'
export { toFile } from './to-file'
export type {
  BinaryData,
  ByteChunk,
  ByteStream,
  FileContents,
  FileLike,
  FileTuple,
  MultipartUpload,
  StreamingFile,
  ToFileOptions,
  Uploadable,
} from './types'
export { isBlob, isStreamingFile } from './uploadable'
