// The Node versions of the videos calls that take a file: the same calls, with paths, `file:` URLs and
// `fs.ReadStream`s read through the Node `toFile` first (one file for the four, which differ only in the field).
import type { APIPromise, Client, RequestOptions } from '@acme/openai-core'
import { type NodeUploadable, withNodeFiles } from '@acme/openai-core/multipart-node'
import { createVideo as createVideoAnywhere } from '../create-video'
import { createVideoCharacter as createVideoCharacterAnywhere } from '../create-video-character'
import { editVideo as editVideoAnywhere } from '../edit-video'
import { extendVideo as extendVideoAnywhere } from '../extend-video'
import type {
  Video,
  VideoCharacter,
  VideoCharacterCreateParams,
  VideoCreateParams,
  VideoEditParams,
  VideoExtendParams,
} from '../types'

export type NodeFile = NodeUploadable | PromiseLike<NodeUploadable>

/** `createVideo` params for Node: `input_reference` may also be a path, a `file:` URL or an `fs.ReadStream`. */
export type NodeVideoCreateParams = Omit<VideoCreateParams, 'input_reference'> & {
  input_reference?: NodeFile | VideoCreateParams['input_reference']
}
/** `editVideo` params for Node: `video` may also be a path, a `file:` URL or an `fs.ReadStream`. */
export type NodeVideoEditParams = Omit<VideoEditParams, 'video'> & {
  video: NodeFile | VideoEditParams['video']
}
/** `extendVideo` params for Node: `video` may also be a path, a `file:` URL or an `fs.ReadStream`. */
export type NodeVideoExtendParams = Omit<VideoExtendParams, 'video'> & {
  video: NodeFile | VideoExtendParams['video']
}
/** `createVideoCharacter` params for Node: `video` may also be a path, a `file:` URL or an `fs.ReadStream`. */
export type NodeVideoCharacterCreateParams = Omit<VideoCharacterCreateParams, 'video'> & { video: NodeFile }

/**
 * `createVideo` for Node: `input_reference` may be a path to the image.
 *
 * @example const job = await createVideo(client, { prompt: 'The cat wakes up', input_reference: './cat.png' })
 */
export function createVideo(
  client: Client,
  params: NodeVideoCreateParams,
  options?: RequestOptions,
): APIPromise<Video> {
  return createVideoAnywhere(client, withNodeFiles(params, ['input_reference']) as VideoCreateParams, options)
}

/**
 * `editVideo` for Node: `video` may be a path to the clip.
 *
 * @example const job = await editVideo(client, { video: './clip.mp4', prompt: 'Make it night' })
 */
export function editVideo(
  client: Client,
  params: NodeVideoEditParams,
  options?: RequestOptions,
): APIPromise<Video> {
  return editVideoAnywhere(client, withNodeFiles(params, ['video']) as VideoEditParams, options)
}

/**
 * `extendVideo` for Node: `video` may be a path to the clip.
 *
 * @example const job = await extendVideo(client, { video: './clip.mp4', prompt: 'Keep going', seconds: '4' })
 */
export function extendVideo(
  client: Client,
  params: NodeVideoExtendParams,
  options?: RequestOptions,
): APIPromise<Video> {
  return extendVideoAnywhere(client, withNodeFiles(params, ['video']) as VideoExtendParams, options)
}

/**
 * `createVideoCharacter` for Node: `video` may be a path to the clip of the character.
 *
 * @example const rex = await createVideoCharacter(client, { name: 'Rex', video: './rex.mp4' })
 */
export function createVideoCharacter(
  client: Client,
  params: NodeVideoCharacterCreateParams,
  options?: RequestOptions,
): APIPromise<VideoCharacter> {
  return createVideoCharacterAnywhere(
    client,
    withNodeFiles(params, ['video']) as VideoCharacterCreateParams,
    options,
  )
}
