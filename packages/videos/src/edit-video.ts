import { type APIPromise, type Client, type RequestOptions, toAPIPromise } from '@acme/openai-core'
import { sendMultipart } from '@acme/openai-core/multipart'
import type { Video, VideoEditParams } from './types'

/**
 * Edits a video from a prompt (`POST /videos/edits`, multipart). `video` is a file (anything `uploadFile` accepts) or
 * `{ id }` of a generated video. Resolves to the new job.
 *
 * @example const job = await editVideo(client, { video: { id: 'video_123' }, prompt: 'Make it night' })
 */
export function editVideo(
  client: Client,
  params: VideoEditParams,
  options?: RequestOptions,
): APIPromise<Video> {
  return toAPIPromise(
    sendMultipart<Video>(
      client,
      {
        operation: 'editVideo',
        path: '/videos/edits',
        files: ['video'],
        references: ['video'],
        params: { ...params },
      },
      options,
    ),
  )
}
