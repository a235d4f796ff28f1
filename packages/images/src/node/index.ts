// `@acme/openai-images/node`: the main entry, with file paths, `file:` URLs and `fs.ReadStream`s as image inputs.

export { fileFromPath, type NodeUploadable, toFile } from '@acme/openai-core/multipart-node'
export * from '../index'
export { createImageVariation, type NodeImageCreateVariationParams } from './create-image-variation'
export { editImage, type NodeImage, type NodeImageEditParams } from './edit-image'
