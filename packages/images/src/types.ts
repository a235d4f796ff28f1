import type { Uploadable } from '@acme/openai-core/multipart'
import type {
  CreateImageEditRequest,
  CreateImageRequest,
  CreateImageVariationRequest,
} from './generated/types'

export type {
  CreateImageEditRequest,
  CreateImageRequest,
  CreateImageVariationRequest,
  Image,
  ImageEditCompletedEvent,
  ImageEditPartialImageEvent,
  ImageEditStreamEvent,
  ImageGenCompletedEvent,
  ImageGenInputUsageDetails,
  ImageGenOutputTokensDetails,
  ImageGenPartialImageEvent,
  ImageGenStreamEvent,
  ImageGenUsage,
  ImagesResponse,
  ImagesUsage,
  InputFidelity,
  PartialImages,
} from './generated/types'

/** Body of `generateImage`. */
export type ImageGenerateParams = CreateImageRequest
/** `generateImage` with `stream: true`: partial images, then the completed image, as events. */
export type ImageGenerateParamsStreaming = ImageGenerateParams & { stream: true }
/** `generateImage` answering with the whole `ImagesResponse`. */
export type ImageGenerateParamsNonStreaming = ImageGenerateParams & { stream?: false | null }

/** Body of `editImage`: the image (or up to 16 images) and the mask may be anything `uploadFile` accepts. */
export type ImageEditParams = Omit<CreateImageEditRequest, 'image' | 'mask'> & {
  /** One image, or several (sent as `image[]`, as the official SDK does). */
  image: Uploadable | readonly Uploadable[] | PromiseLike<Uploadable>
  /** A PNG whose transparent areas mark where the (first) image is edited. */
  mask?: Uploadable | PromiseLike<Uploadable>
}
/** `editImage` with `stream: true`. */
export type ImageEditParamsStreaming = ImageEditParams & { stream: true }
/** `editImage` answering with the whole `ImagesResponse`. */
export type ImageEditParamsNonStreaming = ImageEditParams & { stream?: false | null }

/** Body of `createImageVariation` (dall-e-2). */
export type ImageCreateVariationParams = Omit<CreateImageVariationRequest, 'image'> & {
  image: Uploadable | PromiseLike<Uploadable>
}
