import {
  type APIPromise,
  type Client,
  type RequestOptions,
  type Stream,
  toAPIPromise,
} from '@acme/openai-core'
import { sendMultipart } from '@acme/openai-core/multipart'
import type {
  ImageEditParams,
  ImageEditParamsNonStreaming,
  ImageEditParamsStreaming,
  ImageEditStreamEvent,
  ImagesResponse,
} from './types'

/**
 * Edits or extends an image from a prompt (`POST /images/edits`, multipart). `image` is one file or an array of
 * them (gpt-image models take up to 16), each anything `uploadFile` accepts (a `File`, `Blob`, bytes, a
 * `Response`, a named stream, a tuple); streams are sent as they are read. With `stream: true`, resolves to a
 * stream of `image_edit.partial_image` events and one `image_edit.completed` event.
 *
 * @example const { data } = await editImage(client, { model: 'gpt-image-1', image: blob, prompt: 'Add a hat' })
 */
export function editImage(
  client: Client,
  params: ImageEditParamsStreaming,
  options?: RequestOptions,
): APIPromise<Stream<ImageEditStreamEvent>>
export function editImage(
  client: Client,
  params: ImageEditParamsNonStreaming,
  options?: RequestOptions,
): APIPromise<ImagesResponse>
export function editImage(
  client: Client,
  params: ImageEditParams,
  options?: RequestOptions,
): APIPromise<Stream<ImageEditStreamEvent> | ImagesResponse>
export function editImage(
  client: Client,
  params: ImageEditParams,
  options?: RequestOptions,
): APIPromise<Stream<ImageEditStreamEvent> | ImagesResponse> {
  return toAPIPromise(
    sendMultipart<Stream<ImageEditStreamEvent> | ImagesResponse>(
      client,
      {
        operation: 'editImage',
        path: '/images/edits',
        files: ['image', 'mask?'],
        params: { ...params },
        stream: params?.stream === true,
      },
      options,
    ),
  )
}
