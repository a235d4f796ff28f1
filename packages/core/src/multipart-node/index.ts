// The `@acme/openai-core/multipart-node` entry: file paths and `fs.ReadStream`s as upload inputs (Node built-ins,
// hence apart from `@acme/openai-core/multipart`).
export { type FileFromPathOptions, fileFromPath, readStreamSize } from './file-from-path'
export { withNodeFiles } from './node-files'
export { type NodeUploadable, toFile } from './to-file'
