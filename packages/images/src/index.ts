export { createImageVariation } from './create-image-variation'
export { editImage } from './edit-image'
export { generateImage } from './generate-image'
export { type Base64Image, imageBlob, imageBytes } from './image-bytes'
export type {
  Image,
  ImageCreateVariationParams,
  ImageEditCompletedEvent,
  ImageEditParams,
  ImageEditParamsNonStreaming,
  ImageEditParamsStreaming,
  ImageEditPartialImageEvent,
  ImageEditStreamEvent,
  ImageGenCompletedEvent,
  ImageGenerateParams,
  ImageGenerateParamsNonStreaming,
  ImageGenerateParamsStreaming,
  ImageGenPartialImageEvent,
  ImageGenStreamEvent,
  ImageGenUsage,
  ImagesResponse,
  ImagesUsage,
  InputFidelity,
} from './types'
