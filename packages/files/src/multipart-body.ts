import { InvalidUploadError } from './errors'
import { fileNameOf, formData, type MultipartBody } from './form-data-body'
import type { FormValue } from './form-entries'
import { isBlob } from './uploadable'

/**
 * Encodes multipart fields. Files already in memory (or Blobs backed by a file on disk) go in a `FormData`, which
 * fetch streams and core may retry; as soon as one part is a stream, the whole body is generated lazily as a
 * `ReadableStream` (openai-node's layout and escaping), reading each file only while the request is sent.
 */
export function encodeMultipart(entries: readonly [string, FormValue][]): MultipartBody {
  if (entries.every(([, value]) => typeof value === 'string' || isBlob(value)))
    return { body: formData(entries as [string, string | Blob][]), contentType: undefined }
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
