// `@acme/openai-videos/node`: the main entry, with file paths, `file:` URLs and `fs.ReadStream`s as file inputs.

export { fileFromPath, type NodeUploadable, toFile } from '@acme/openai-core/multipart-node'
export * from '../index'
export {
  createVideo,
  createVideoCharacter,
  editVideo,
  extendVideo,
  type NodeFile,
  type NodeVideoCharacterCreateParams,
  type NodeVideoCreateParams,
  type NodeVideoEditParams,
  type NodeVideoExtendParams,
} from './video-files'
