import { byteStream } from './byte-stream'
import { InvalidUploadError } from './errors'
import { basename } from './file-name'
import type { ByteChunk, FormValue, MultipartBody } from './types'

/**
 * Encodes multipart fields as a `ReadableStream` generated while the request is sent (openai-node's layout and
 * escaping), so each file is read only as it goes out: the body for uploads that include a stream. (Fields made
 * only of text and Blobs go in a `FormData` instead, see `formData`.)
 */
// @__NO_SIDE_EFFECTS__
export function encodeMultipartStream(entries: readonly [string, FormValue][]): MultipartBody {
  // Checked now so a bad type fails before any byte is sent, not halfway through the body.
  for (const [, value] of entries)
    if (typeof value !== 'string' && /[\u0000-\u001F\u007F]/.test(value.type))
      throw new InvalidUploadError(
        `The file's MIME type ${JSON.stringify(value.type)} contains control characters; pass a plain type such as 'text/plain'.`,
        'file',
      )
  const random = () => Math.random().toString(36).slice(2)
  const boundary = `openai-${random()}${random()}`
  return {
    body: multipartStream(entries, boundary),
    contentType: `multipart/form-data; boundary=${boundary}`,
  }
}

/** Percent-encodes what would break a quoted multipart header value: C0 controls, DEL, `"` and `\`. */
export function escapeHeaderValue(value: string): string {
  return value.replace(/[\u0000-\u001F\u007F"\\]/g, encodeURIComponent)
}

/**
 * The parts, pulled one chunk at a time through `byteStream` (text as UTF-8, empty chunks skipped); cancelling the
 * body cancels the file being read.
 */
function multipartStream(
  entries: readonly [string, FormValue][],
  boundary: string,
): ReadableStream<Uint8Array> {
  let index = 0
  let file: ReadableStreamDefaultReader<Uint8Array> | undefined
  const next = async (): Promise<IteratorResult<ByteChunk>> => {
    if (file) {
      const read = await file.read()
      if (!read.done) return read
      file = undefined
      return { value: '\r\n' }
    }
    if (index > entries.length) return { done: true, value: undefined }
    if (index++ === entries.length) return { value: `--${boundary}--\r\n` }
    const [key, value] = entries[index - 1]
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="${escapeHeaderValue(key)}"`
    if (typeof value === 'string') return { value: `${head}\r\n\r\n${value}\r\n` }
    const name = (value as File).name
    file = value.stream().getReader()
    return {
      value:
        `${head}; filename="${escapeHeaderValue(typeof name === 'string' ? (basename(name) ?? '') : 'blob')}"\r\n` +
        `Content-Type: ${value.type || 'application/octet-stream'}\r\n\r\n`,
    }
  }
  return byteStream({
    [Symbol.asyncIterator]: () => ({
      next,
      async return(reason?: unknown) {
        await file?.cancel(reason)
        return { done: true, value: undefined }
      },
    }),
  })
}
