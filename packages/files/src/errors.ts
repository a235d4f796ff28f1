import { APIConnectionTimeoutError, OpenAIError } from '@acme/openai-core'

/**
 * A file or upload parameter was refused before anything was sent: an input that is not a file, a stream without
 * a file name, a missing `purpose`, a bad `partSize`... `param` names the culprit and the message says what to pass.
 */
export class InvalidUploadError extends OpenAIError {
  static override readonly brand: string = 'InvalidUploadError'
  /** The parameter at fault, e.g. `file`, `purpose`, `partSize`. */
  readonly param: string

  constructor(message: string, param: string, options?: { cause?: unknown }) {
    super(message, options)
    this.param = param
  }
}

/** The file is over the limit of the call (512 MB for `uploadFile`, 8 GB for `uploadLargeFile`). */
export class FileTooLargeError extends InvalidUploadError {
  static override readonly brand: string = 'FileTooLargeError'
  /** Bytes of the file, or bytes read so far when a stream of unknown length crossed the limit. */
  readonly size: number
  /** The limit in bytes. */
  readonly limit: number

  constructor(message: string, size: number, limit: number) {
    super(message, 'file')
    this.size = size
    this.limit = limit
  }
}

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
