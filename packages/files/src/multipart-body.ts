import { InvalidUploadError } from './errors'
import { basename } from './file-name'
import type { FormValue } from './form-entries'
import { isBlob, type StreamingFile } from './uploadable'

/** A request body for a multipart upload, and the content type core must send with it (streams only). */
export interface MultipartBody {
  body: FormData | ReadableStream<Uint8Array>
  /** `multipart/form-data; boundary=…` for a stream; `undefined` for `FormData` (fetch adds the boundary). */
  contentType: string | undefined
}

/**
 * Encodes multipart fields. Files already in memory (or Blobs backed by a file on disk) go in a `FormData`, which
 * fetch streams and core may retry; as soon as one part is a stream, the whole body is generated lazily as a
 * `ReadableStream` (openai-node's layout and escaping), reading each file only while the request is sent.
 */
export function encodeMultipart(entries: readonly [string, FormValue][]): MultipartBody {
  if (entries.every(([, value]) => typeof value === 'string' || isBlob(value))) {
    const form = new FormData()
    for (const [key, value] of entries) {
      if (typeof value === 'string') form.append(key, value)
      else {
        const name = fileNameOf(value)
        // A bare Blob gets no name here, so FormData calls it `blob` (as openai-node's uploads do).
        if (name === undefined) form.append(key, value as Blob)
        else form.append(key, value as Blob, name)
      }
    }
    return { body: form, contentType: undefined }
  }
  // Checked now so a bad type fails before any byte is sent, not halfway through the body.
  for (const [, value] of entries) if (typeof value !== 'string') checkedContentType(value.type)
  const boundary = `openai-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`
  return {
    body: multipartStream(entries, boundary),
    contentType: `multipart/form-data; boundary=${boundary}`,
  }
}

/** Percent-encodes what would break a quoted multipart header value: C0 controls, DEL, `"` and `\`. */
export function escapeHeaderValue(value: string): string {
  return value.replace(/[\u0000-\u001F\u007F"\\]/g, encodeURIComponent)
}

/** The file name a part is sent with: the last segment of the file's name (no directories), if it has one. */
function fileNameOf(value: Blob | StreamingFile): string | undefined {
  const name = (value as { name?: unknown }).name
  return typeof name === 'string' ? (basename(name) ?? '') : undefined
}

function checkedContentType(type: string): string {
  if (/[\u0000-\u001F\u007F]/.test(type))
    throw new InvalidUploadError(
      `The file's MIME type ${JSON.stringify(type)} contains control characters; pass a plain type such as 'text/plain'.`,
      'file',
    )
  return type || 'application/octet-stream'
}

function multipartStream(
  entries: readonly [string, FormValue][],
  boundary: string,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let index = 0
  let file: ReadableStreamDefaultReader<Uint8Array> | undefined
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        for (;;) {
          if (file) {
            const { done, value } = await file.read()
            if (!done) {
              if (value.byteLength) return controller.enqueue(value)
              continue
            }
            file = undefined
            return controller.enqueue(encoder.encode('\r\n'))
          }
          if (index === entries.length) {
            index++
            return controller.enqueue(encoder.encode(`--${boundary}--\r\n`))
          }
          if (index > entries.length) return controller.close()
          const [key, value] = entries[index++]
          if (typeof value === 'string')
            return controller.enqueue(
              encoder.encode(
                `--${boundary}\r\nContent-Disposition: form-data; name="${escapeHeaderValue(key)}"\r\n\r\n${value}\r\n`,
              ),
            )
          const name = fileNameOf(value) ?? 'blob'
          const type = checkedContentType(value.type)
          file = value.stream().getReader()
          return controller.enqueue(
            encoder.encode(
              `--${boundary}\r\nContent-Disposition: form-data; name="${escapeHeaderValue(key)}"; ` +
                `filename="${escapeHeaderValue(name)}"\r\nContent-Type: ${type}\r\n\r\n`,
            ),
          )
        }
      },
      async cancel(reason) {
        await file?.cancel(reason)
      },
    },
    { highWaterMark: 0 },
  )
}
