import { InvalidUploadError } from './errors'
import { basename } from './file-name'
import type { FormValue, MultipartBody } from './types'

/**
 * Encodes multipart fields as a `ReadableStream` generated while the request is sent (openai-node's layout and
 * escaping), so each file is read only as it goes out: the body for uploads that include a stream. (Fields made
 * only of text and Blobs go in a `FormData` instead, see `formData`.)
 */
// @__NO_SIDE_EFFECTS__
export function encodeMultipartStream(entries: readonly [string, FormValue][]): MultipartBody {
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
          const name =
            'name' in value && typeof value.name === 'string' ? (basename(value.name) ?? '') : 'blob'
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
