import type { Client, RequestOptions } from '@acme/openai-core'
import { _pollUntil } from '@acme/openai-core/internal'
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
export function waitForVideo(
  client: Client,
  videoId: string,
  { pollInterval = 5000, timeout = 30 * 60 * 1000, signal, onProgress }: WaitForVideoOptions = {},
  options?: RequestOptions,
): Promise<Video> {
  const done = (video: Video) => video.status === 'completed' || video.status === 'failed'
  return _pollUntil(
    {
      name: 'waitForVideo',
      retrieve: (shared) => retrieveVideo(client, videoId, shared),
      done,
      pollInterval,
      timeout,
      onTimeout: (video, ms) => new VideoTimeoutError(videoId, video.status, video.progress, ms),
      onPoll: (video) => {
        if (!done(video)) onProgress?.(video)
      },
      signal,
    },
    options,
  )
}
