export { createImageVariation } from './create-image-variation'
export { editImage } from './edit-image'
export { generateImage } from './generate-image'
export { type Base64Image, imageBlob, imageBytes } from './image-bytes'
export type {
  CreateImageEditRequest,
  CreateImageRequest,
  CreateImageVariationRequest,
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
  ImageGenInputUsageDetails,
  ImageGenOutputTokensDetails,
  ImageGenPartialImageEvent,
  ImageGenStreamEvent,
  ImageGenUsage,
  ImagesResponse,
  ImagesUsage,
  InputFidelity,
  PartialImages,
} from './types'
