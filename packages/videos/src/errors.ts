import { APIConnectionTimeoutError } from '@acme/openai-core'

/** `waitForVideo` gave up: the video was still not `completed` (or `failed`) when its `timeout` ran out. */
export class VideoTimeoutError extends APIConnectionTimeoutError {
  static override readonly brand: string = 'VideoTimeoutError'
  readonly videoId: string
  /** The video's last status seen (`queued` or `in_progress`). */
  readonly videoStatus: string
  /** Its last `progress` (0-100). */
  readonly progress: number

  constructor(videoId: string, status: string, progress: number, timeout: number) {
    super({
      message:
        `Video ${videoId} is still '${status}' (${progress}%) after waiting ${timeout} ms. Call waitForVideo again ` +
        'with a longer `timeout`, or check it later with retrieveVideo.',
    })
    this.videoId = videoId
    this.videoStatus = status
    this.progress = progress
  }
}
