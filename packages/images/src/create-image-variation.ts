import { type APIPromise, type Client, type RequestOptions, toAPIPromise } from '@acme/openai-core'
import { sendMultipart } from '@acme/openai-core/multipart'
import type { ImageCreateVariationParams, ImagesResponse } from './types'

/**
 * Creates variations of an image (`POST /images/variations`, multipart, dall-e-2). `image` is a square PNG,
 * given as anything `uploadFile` accepts.
 *
 * @example const { data } = await createImageVariation(client, { image: pngBlob, n: 2, size: '256x256' })
 */
export function createImageVariation(
  client: Client,
  params: ImageCreateVariationParams,
  options?: RequestOptions,
): APIPromise<ImagesResponse> {
  return toAPIPromise(
    sendMultipart<ImagesResponse>(
      client,
      {
        operation: 'createImageVariation',
        path: '/images/variations',
        files: ['image'],
        params: { ...params },
      },
      options,
    ),
  )
}
