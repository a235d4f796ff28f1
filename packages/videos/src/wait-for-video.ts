import { type Client, OpenAIError, type RequestOptions, sleep } from '@acme/openai-core'
import { VideoTimeoutError } from './errors'
import { retrieveVideo } from './retrieve-video'
import type { Video } from './types'

/** How `waitForVideo` polls. */
export interface WaitForVideoOptions {
  /** Milliseconds between polls (default 5000). */
  pollInterval?: number
  /** Milliseconds to wait in all before giving up (default 30 minutes). */
  timeout?: number
  /** Stops waiting (rejects with `APIUserAbortError`), also during a poll. */
  signal?: AbortSignal | null
  /** Called with the video after each poll that did not finish it (`status`, `progress`). */
  onProgress?: (video: Video) => void
}

/**
 * Polls a video job until it is `completed` or `failed` and returns it; check `status === 'failed'` (and `error`).
 * Throws `VideoTimeoutError` (naming the video, its status and progress) when `timeout` runs out first.
 *
 * @example const video = await waitForVideo(client, job.id, { onProgress: (v) => console.log(v.progress) })
 */
export async function waitForVideo(
  client: Client,
  videoId: string,
  { pollInterval = 5000, timeout = 30 * 60 * 1000, signal, onProgress }: WaitForVideoOptions = {},
  options?: RequestOptions,
): Promise<Video> {
  for (const [name, value] of [
    ['pollInterval', pollInterval],
    ['timeout', timeout],
  ] as const)
    if (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value))
      throw new OpenAIError(
        `waitForVideo: ${name} must be a number of milliseconds >= 0, got ${String(value)}`,
      )
  const requestOptions = { ...options, signal: signal ?? options?.signal }
  const started = performance.now()
  let video = await retrieveVideo(client, videoId, requestOptions)
  while (video.status !== 'completed' && video.status !== 'failed') {
    onProgress?.(video)
    const left = timeout - (performance.now() - started)
    if (left <= 0) throw new VideoTimeoutError(videoId, video.status, video.progress, timeout)
    await sleep(Math.min(pollInterval, left), requestOptions.signal)
    video = await retrieveVideo(client, videoId, requestOptions)
  }
  return video
}
