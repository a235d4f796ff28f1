import { type APIPromise, type Client, type RequestOptions, toAPIPromise } from '@acme/openai-core'
import { sendMultipart } from '@acme/openai-core/multipart'
import type { Video, VideoExtendParams } from './types'

/**
 * Extends a video by `seconds` (`POST /videos/extensions`, multipart). `video` is a file or `{ id }` of a generated
 * video. Resolves to the new job.
 *
 * @example const job = await extendVideo(client, { video: { id: 'video_123' }, prompt: 'Keep running', seconds: '4' })
 */
export function extendVideo(
  client: Client,
  params: VideoExtendParams,
  options?: RequestOptions,
): APIPromise<Video> {
  return toAPIPromise(
    sendMultipart<Video>(
      client,
      {
        operation: 'extendVideo',
        path: '/videos/extensions',
        files: ['video'],
        references: ['video'],
        params: { ...params },
      },
      options,
    ),
  )
}
