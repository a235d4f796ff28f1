// Runtime checks for upload inputs; the types they narrow to live in `types.ts`.
import type { StreamingFile } from './types'

const STREAMING_FILE = Symbol.for('@acme/openai-files/StreamingFile')

/** Marks a `StreamingFile` so it is recognised even from another copy of this package. */
export function brandStreamingFile<T extends object>(file: T): T {
  Object.defineProperty(file, STREAMING_FILE, { value: true })
  return file
}

/** Whether `value` is a `StreamingFile` made by `toFile()`. */
export function isStreamingFile(value: unknown): value is StreamingFile {
  return typeof value === 'object' && value !== null && (value as any)[STREAMING_FILE] === true
}

/** A native `Blob` (a `File` included). */
export function isBlob(value: unknown): value is Blob {
  return typeof Blob !== 'undefined' && value instanceof Blob
}
