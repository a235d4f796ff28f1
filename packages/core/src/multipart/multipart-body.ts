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
        const send = (text: string) => controller.enqueue(encoder.encode(text))
        for (;;) {
          if (file) {
            const { done, value } = await file.read()
            if (done) {
              file = undefined
              return send('\r\n')
            }
            if (value.byteLength) return controller.enqueue(value)
          } else if (index < entries.length) {
            const [key, value] = entries[index++]
            const head = `--${boundary}\r\nContent-Disposition: form-data; name="${escapeHeaderValue(key)}"`
            if (typeof value === 'string') return send(`${head}\r\n\r\n${value}\r\n`)
            const name = (value as File).name
            file = value.stream().getReader()
            return send(
              `${head}; filename="${escapeHeaderValue(typeof name === 'string' ? (basename(name) ?? '') : 'blob')}"\r\n` +
                `Content-Type: ${value.type || 'application/octet-stream'}\r\n\r\n`,
            )
          } else {
            send(`--${boundary}--\r\n`)
            return controller.close()
          }
        }
      },
      async cancel(reason) {
        await file?.cancel(reason)
      },
    },
    { highWaterMark: 0 },
  )
}
