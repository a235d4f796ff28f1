// `@acme/openai-audio/node`: the main entry, with file paths, `file:` URLs and `fs.ReadStream`s as audio inputs.

export { fileFromPath, type NodeUploadable, toFile } from '@acme/openai-core/multipart-node'
export * from '../index'
export { createTranscription, type NodeTranscriptionCreateParams } from './create-transcription'
export { createTranslation, type NodeTranslationCreateParams } from './create-translation'
