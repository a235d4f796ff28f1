import type { APIPromise, Client, RequestOptions, Stream } from '@acme/openai-core'
import { type NodeUploadable, withNodeFiles } from '@acme/openai-core/multipart-node'
import { editImage as editImageAnywhere } from '../edit-image'
import type { ImageEditParams, ImageEditStreamEvent, ImagesResponse } from '../types'

export type NodeImage = NodeUploadable | PromiseLike<NodeUploadable>

/** `editImage` params for Node: each image and the mask may also be a path, a `file:` URL or an `fs.ReadStream`. */
export type NodeImageEditParams = Omit<ImageEditParams, 'image' | 'mask'> & {
  image: NodeImage | readonly NodeImage[]
  mask?: NodeImage
}

/**
 * `editImage` for Node: paths are read lazily from disk (and can be retried), `fs.ReadStream`s are streamed once;
 * everything else as the main entry. Several paths: pass `file:` URLs or an array of two or more that is not a
 * `[filename, contents]` tuple (`['a.png', 'b.png']` reads as a tuple: name text contents).
 *
 * @example const { data } = await editImage(client, { model: 'gpt-image-1', image: './photo.png', prompt: 'Add a hat' })
 */
export function editImage(
  client: Client,
  params: NodeImageEditParams & { stream: true },
  options?: RequestOptions,
): APIPromise<Stream<ImageEditStreamEvent>>
export function editImage(
  client: Client,
  params: NodeImageEditParams & { stream?: false | null },
  options?: RequestOptions,
): APIPromise<ImagesResponse>
export function editImage(
  client: Client,
  params: NodeImageEditParams,
  options?: RequestOptions,
): APIPromise<Stream<ImageEditStreamEvent> | ImagesResponse>
export function editImage(
  client: Client,
  params: NodeImageEditParams,
  options?: RequestOptions,
): APIPromise<Stream<ImageEditStreamEvent> | ImagesResponse> {
  return editImageAnywhere(client, withNodeFiles(params, ['image', 'mask']) as ImageEditParams, options)
}
