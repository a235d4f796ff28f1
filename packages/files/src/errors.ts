import { APIConnectionTimeoutError } from '@acme/openai-core'

export { FileTooLargeError, InvalidUploadError } from '@acme/openai-core/multipart'

/** `waitForProcessing` gave up: the file was still not `processed` (or `error`) when its `timeout` ran out. */
export class FileProcessingTimeoutError extends APIConnectionTimeoutError {
  static override readonly brand: string = 'FileProcessingTimeoutError'
  readonly fileId: string
  /** The file's last status seen, e.g. `uploaded` (`status` stays the HTTP status of `APIError`: none here). */
  readonly fileStatus: string

  constructor(fileId: string, status: string, timeout: number) {
    super({
      message:
        `File ${fileId} is still '${status}' after waiting ${timeout} ms for it to be processed. ` +
        'Call waitForProcessing again with a longer `timeout`, or check it later with retrieveFile.',
    })
    this.fileId = fileId
    this.fileStatus = status
  }
}
