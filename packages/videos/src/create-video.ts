import { type APIPromise, type Client, type RequestOptions, toAPIPromise } from '@acme/openai-core'
import { sendMultipart } from '@acme/openai-core/multipart'
import type { Video, VideoCreateParams } from './types'

/**
 * Starts a video job (`POST /videos`, multipart as the official SDK sends it). `input_reference`, optional, is an
 * image for the first frame: a file (anything `uploadFile` accepts) or `{ file_id }` / `{ image_url }`. Resolves
 * to the job, `queued`; wait for it with `waitForVideo`, then `downloadVideoContent`.
 *
 * @example const job = await createVideo(client, { model: 'sora-2', prompt: 'A fox runs through snow', seconds: '4' })
 */
export function createVideo(
  client: Client,
  params: VideoCreateParams,
  options?: RequestOptions,
): APIPromise<Video> {
  return toAPIPromise(
    sendMultipart<Video>(
      client,
      {
        operation: 'createVideo',
        path: '/videos',
        files: ['input_reference?'],
        references: ['input_reference'],
        params: { ...params },
      },
      options,
    ),
  )
}
