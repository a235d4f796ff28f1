import { type APIPromise, type Client, type RequestOptions, request, type Stream } from '@acme/openai-core'
import type {
  ImageGenerateParams,
  ImageGenerateParamsNonStreaming,
  ImageGenerateParamsStreaming,
  ImageGenStreamEvent,
  ImagesResponse,
} from './types'

/**
 * Creates images from a prompt (`POST /images/generations`). Without `stream`, resolves to the `ImagesResponse`;
 * with `stream: true` (gpt-image models), to a stream of `image_generation.partial_image` events (as many as
 * `partial_images` asks for) and one `image_generation.completed` event.
 *
 * @example const { data } = await generateImage(client, { model: 'gpt-image-1', prompt: 'A red fox in snow' })
 */
export function generateImage(
  client: Client,
  params: ImageGenerateParamsStreaming,
  options?: RequestOptions,
): APIPromise<Stream<ImageGenStreamEvent>>
export function generateImage(
  client: Client,
  params: ImageGenerateParamsNonStreaming,
  options?: RequestOptions,
): APIPromise<ImagesResponse>
export function generateImage(
  client: Client,
  params: ImageGenerateParams,
  options?: RequestOptions,
): APIPromise<Stream<ImageGenStreamEvent> | ImagesResponse>
export function generateImage(
  client: Client,
  params: ImageGenerateParams,
  options?: RequestOptions,
): APIPromise<Stream<ImageGenStreamEvent> | ImagesResponse> {
  return request(client, {
    ...options,
    method: 'post',
    operation: 'generateImage',
    path: '/images/generations',
    body: params,
    stream: params?.stream === true,
  })
}
