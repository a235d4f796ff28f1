import type { StreamingFile } from '@acme/openai-core/multipart'
import { InvalidUploadError } from './errors'

/** Hands out the parts of a file as Blobs, which core can resend when a part request is retried. */
export interface PartReader {
  /** Part `index` (0-based). Calls must come in index order. */
  read(index: number): Promise<Blob>
  /** Releases the source (cancels a stream that was not read to the end). */
  close(): Promise<void>
}

/** Parts of a Blob or File: slices, so nothing is copied (a file on disk is read while each part is sent). */
// @__NO_SIDE_EFFECTS__
export function blobParts(blob: Blob, partSize: number): PartReader {
  return {
    read: async (index) => blob.slice(index * partSize, Math.min((index + 1) * partSize, blob.size)),
    close: async () => {},
  }
}

/**
 * Parts of a stream, cut in order: each part is buffered (so it can be retried) while it is sent, which keeps at
 * most `concurrency` parts in memory. The stream must hold exactly `size` bytes.
 */
// @__NO_SIDE_EFFECTS__
export function streamParts(file: StreamingFile, size: number, partSize: number): PartReader {
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined
  let pending: Uint8Array = new Uint8Array(0)
  let consumed = 0
  let queue: Promise<unknown> = Promise.resolve()

  const mismatch = (got: string) =>
    new InvalidUploadError(
      `The stream of '${file.name}' ${got}, but its size was given as ${size} bytes. Pass the exact size.`,
      'file',
    )

  async function cut(length: number): Promise<Uint8Array> {
    reader ??= file.stream().getReader()
    const out = new Uint8Array(length)
    let filled = 0
    while (filled < length) {
      if (!pending.byteLength) {
        const { done, value } = await reader.read()
        if (done) throw mismatch(`ended after ${consumed + filled} bytes`)
        pending = value
      }
      const n = Math.min(length - filled, pending.byteLength)
      out.set(pending.subarray(0, n), filled)
      pending = pending.subarray(n)
      filled += n
    }
    consumed += length
    if (consumed === size && (pending.byteLength || !(await reader.read()).done))
      throw mismatch('holds more bytes')
    return out
  }

  return {
    read(index) {
      const length = Math.min(partSize, size - index * partSize)
      const part = queue.then(() => cut(length)).then((bytes) => new Blob([bytes as Uint8Array<ArrayBuffer>]))
      queue = part.catch(() => {})
      return part
    },
    async close() {
      await reader?.cancel().catch(() => {})
    },
  }
}
