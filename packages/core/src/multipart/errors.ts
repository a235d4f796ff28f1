import { OpenAIError } from '../errors'

/**
 * A file or upload parameter was refused before anything was sent: an input that is not a file, a stream without
 * a file name, a missing `purpose`, a bad `partSize`... `param` names the culprit and the message says what to pass.
 */
export class InvalidUploadError extends OpenAIError {
  static override readonly brand: string = 'InvalidUploadError'
  /** The parameter at fault, e.g. `file`, `purpose`, `partSize`. */
  declare readonly param: string

  constructor(message: string, param: string, options?: { cause?: unknown }) {
    super(message, options)
    this.param = param
  }
}

/** The file is over the limit of the call (512 MB for `uploadFile`, 25 MB for a transcription, ...). */
export class FileTooLargeError extends InvalidUploadError {
  static override readonly brand: string = 'FileTooLargeError'
  /** Bytes of the file, or bytes read so far when a stream of unknown length crossed the limit. */
  declare readonly size: number
  /** The limit in bytes. */
  declare readonly limit: number

  constructor(message: string, size: number, limit: number) {
    super(message, 'file')
    this.size = size
    this.limit = limit
  }
}
