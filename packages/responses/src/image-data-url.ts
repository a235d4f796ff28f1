import { OpenAIError } from '@acme/openai-core'

// Leading bytes of the image formats the API reads, for when the caller gives no MIME type.
const SIGNATURES: [string, number[], number?][] = [
  ['image/png', [0x89, 0x50, 0x4e, 0x47]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/gif', [0x47, 0x49, 0x46, 0x38]],
  ['image/webp', [0x57, 0x45, 0x42, 0x50], 8],
]

function sniff(bytes: Uint8Array): string | undefined {
  for (const [type, magic, offset = 0] of SIGNATURES)
    if (magic.every((b, i) => bytes[offset + i] === b)) return type
  return undefined
}

function base64(bytes: Uint8Array): string {
  let binary = ''
  // Chunks keep String.fromCharCode under the engines' argument-count limits.
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000) as unknown as number[])
  return btoa(binary)
}

/**
 * Turns image bytes or a `Blob` into a `data:` URL for `input_image.image_url` (or, with a MIME type such as
 * `application/pdf`, for `input_file.file_data`). Web APIs only, so it runs in browsers and edge runtimes too.
 * The type comes from `mimeType`, else the Blob's own type, else the bytes (PNG, JPEG, GIF, WebP).
 *
 * @example
 * const image_url = await imageDataURL(new Uint8Array(await (await fetch(src)).arrayBuffer()))
 * await createResponse(client, { model, input: [{ role: 'user', content: [{ type: 'input_image', image_url, detail: 'auto' }] }] })
 */
export async function imageDataURL(
  data: Blob | ArrayBuffer | ArrayBufferView,
  mimeType?: string,
): Promise<string> {
  const isBlob = typeof Blob !== 'undefined' && data instanceof Blob
  const bytes = isBlob
    ? new Uint8Array(await data.arrayBuffer())
    : ArrayBuffer.isView(data)
      ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      : new Uint8Array(data as ArrayBuffer)
  const type = mimeType || (isBlob && data.type) || sniff(bytes)
  if (!type)
    throw new OpenAIError(
      'imageDataURL could not tell the image type from its bytes; pass it, e.g. imageDataURL(bytes, "image/png").',
    )
  return `data:${type};base64,${base64(bytes)}`
}
