import { type APIPromise, type Client, path, type RequestOptions, request } from '@acme/openai-core'
import type { Video, VideoRemixParams } from './types'

/**
 * Remixes a completed video with a new prompt (`POST /videos/{video_id}/remix`, JSON, as the official SDK sends a
 * body without files). Resolves to the new job, whose `remixed_from_video_id` is `videoId`.
 *
 * @example const remix = await remixVideo(client, 'video_123', { prompt: 'Same scene, at dusk' })
 */
export function remixVideo(
  client: Client,
  videoId: string,
  params: VideoRemixParams,
  options?: RequestOptions,
): APIPromise<Video> {
  return request<Video>(client, {
    ...options,
    method: 'post',
    operation: 'remixVideo',
    path: path`/videos/${videoId}/remix`,
    body: params,
  })
}
