import { type APIPromise, type Client, type RequestOptions, toAPIPromise } from '@acme/openai-core'
import { sendMultipart } from '@acme/openai-core/multipart'
import type { VideoCharacter, VideoCharacterCreateParams } from './types'

/**
 * Creates a character from a short video of it (`POST /videos/characters`, multipart), to cast in later videos.
 *
 * @example const character = await createVideoCharacter(client, { name: 'Rex', video: clipFile })
 */
export function createVideoCharacter(
  client: Client,
  params: VideoCharacterCreateParams,
  options?: RequestOptions,
): APIPromise<VideoCharacter> {
  return toAPIPromise(
    sendMultipart<VideoCharacter>(
      client,
      {
        operation: 'createVideoCharacter',
        path: '/videos/characters',
        files: ['video'],
        params: { ...params },
      },
      options,
    ),
  )
}
