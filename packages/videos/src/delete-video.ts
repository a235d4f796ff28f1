import { type APIPromise, type Client, path, type RequestOptions, request } from '@acme/openai-core'
import type { VideoDeleted } from './types'

/**
 * Deletes a video (`DELETE /videos/{video_id}`).
 *
 * @example const { deleted } = await deleteVideo(client, 'video_123')
 */
export function deleteVideo(
  client: Client,
  videoId: string,
  options?: RequestOptions,
): APIPromise<VideoDeleted> {
  return request<VideoDeleted>(client, {
    ...options,
    method: 'delete',
    operation: 'deleteVideo',
    path: path`/videos/${videoId}`,
  })
}
