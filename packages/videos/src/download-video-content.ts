import {
  type APIPromise,
  type Client,
  mapAPIPromise,
  path,
  type RequestOptions,
  request,
} from '@acme/openai-core'
import type { VideoContentParams } from './types'

/**
 * Downloads a completed video (`GET /videos/{video_id}/content`) as a `ReadableStream` of bytes, read from the
 * network only as you consume it. `variant` picks the MP4 (default), a WebP `thumbnail` or a JPEG `spritesheet`;
 * `.withResponse()` gives the `content-type`. Cancel the stream (or abort `options.signal`) to stop.
 *
 * @example await (await downloadVideoContent(client, video.id)).pipeTo(Writable.toWeb(createWriteStream('fox.mp4')))
 */
export function downloadVideoContent(
  client: Client,
  videoId: string,
  params: VideoContentParams = {},
  options?: RequestOptions,
): APIPromise<ReadableStream<Uint8Array>> {
  return mapAPIPromise(
    request<Response>(client, {
      ...options,
      method: 'get',
      operation: 'downloadVideoContent',
      path: path`/videos/${videoId}/content`,
      query: { ...params, ...options?.query },
      binary: true,
      operationHeaders: { accept: 'application/binary' },
    }),
    (response) => response.body ?? new Blob([]).stream(),
  )
}
