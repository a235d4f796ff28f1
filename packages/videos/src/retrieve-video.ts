import { type APIPromise, type Client, path, type RequestOptions, request } from '@acme/openai-core'
import type { Video } from './types'

/**
 * Gets a video job (`GET /videos/{video_id}`): its `status` (`queued`, `in_progress`, `completed`, `failed`),
 * `progress` (0-100) and, on failure, `error`.
 *
 * @example const video = await retrieveVideo(client, 'video_123')
 */
export function retrieveVideo(client: Client, videoId: string, options?: RequestOptions): APIPromise<Video> {
  return request<Video>(client, {
    ...options,
    method: 'get',
    operation: 'retrieveVideo',
    path: path`/videos/${videoId}`,
  })
}
