export { createVectorStoreFileBatchAndPoll, pollVectorStoreFileBatch } from './file-batch-polling'
export {
  type UploadFileBatchOptions,
  type UploadFileBatchParams,
  uploadVectorStoreFileBatchAndPoll,
} from './file-batch-upload'
export * from './operations'
export type { PollOptions } from './poll-until-done'
export { createVectorStoreFileAndPoll, pollVectorStoreFile } from './vector-store-file-polling'
export {
  uploadVectorStoreFile,
  uploadVectorStoreFileAndPoll,
  type VectorStoreFileExtras,
} from './vector-store-file-upload'
