import type { APIPromise, Client, RequestOptions } from '@acme/openai-core'
import { type NodeUploadable, withNodeFiles } from '@acme/openai-core/multipart-node'
import { createImageVariation as createImageVariationAnywhere } from '../create-image-variation'
import type { ImageCreateVariationParams, ImagesResponse } from '../types'

/** `createImageVariation` params for Node: `image` may also be a path, a `file:` URL or an `fs.ReadStream`. */
export type NodeImageCreateVariationParams = Omit<ImageCreateVariationParams, 'image'> & {
  image: NodeUploadable | PromiseLike<NodeUploadable>
}

/**
 * `createImageVariation` for Node: takes a path or an `fs.ReadStream` besides everything the main entry takes.
 *
 * @example const { data } = await createImageVariation(client, { image: './logo.png', n: 2 })
 */
export function createImageVariation(
  client: Client,
  params: NodeImageCreateVariationParams,
  options?: RequestOptions,
): APIPromise<ImagesResponse> {
  return createImageVariationAnywhere(
    client,
    withNodeFiles(params, ['image']) as ImageCreateVariationParams,
    options,
  )
}
