import { type Client, type PagePromise, type RequestOptions, requestPage } from '@acme/openai-core'
import type { Video, VideoListParams } from './types'

/**
 * Lists video jobs (`GET /videos`), newest first by default. Await it for a page, or `for await` it to walk every
 * video across pages.
 *
 * @example for await (const video of listVideos(client, { limit: 20 })) console.log(video.id, video.status)
 */
export function listVideos(
  client: Client,
  params: VideoListParams = {},
  options?: RequestOptions,
): PagePromise<Video> {
  return requestPage<Video>(
    client,
    {
      ...options,
      method: 'get',
      operation: 'listVideos',
      path: '/videos',
      query: { ...params, ...options?.query },
    },
    'conversation',
  )
}
