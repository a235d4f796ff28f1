// Runtime checks for upload inputs; the types they narrow to live in `types.ts`.
import type { StreamingFile } from './types'

/** The mark of a `StreamingFile`, so it is recognised even from another copy of this package. */
export const STREAMING_FILE = Symbol.for('@acme/openai-files/StreamingFile')

/** Whether `value` is a `StreamingFile` made by `toFile()`. */
export function isStreamingFile(value: unknown): value is StreamingFile {
  // Only `makeStreamingFile` sets the mark; a primitive has none.
  return (value as any)?.[STREAMING_FILE] === true
}

/** A native `Blob` (a `File` included). */
export function isBlob(value: unknown): value is Blob {
  return typeof Blob !== 'undefined' && value instanceof Blob
}
