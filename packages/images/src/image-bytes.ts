/** Something carrying a base64 image: an `Image` of `data`, a partial or completed stream event, or the string. */
export type Base64Image = string | { b64_json?: string | null; output_format?: string | null }

/**
 * The bytes of a `b64_json` image (from `data[i]`, a stream event, or the string itself), decoded with `atob`, so
 * it runs in browsers, Deno, Bun and workers as well as Node, and needs no `Buffer`. Throws a `TypeError` when
 * there is no `b64_json` (ask for `response_format: 'b64_json'` with dall-e models; gpt-image models always send it).
 *
 * @example const png = imageBytes((await generateImage(client, { model: 'gpt-image-1', prompt })).data![0])
 */
export function imageBytes(image: Base64Image): Uint8Array<ArrayBuffer> {
  const b64 = typeof image === 'string' ? image : image?.b64_json
  if (typeof b64 !== 'string')
    throw new TypeError(
      "This image has no b64_json: pass `response_format: 'b64_json'` (dall-e models answer with a `url` otherwise).",
    )
  const text = atob(b64)
  const bytes = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i)
  return bytes
}

/**
 * The image as a `Blob` typed from its `output_format` (`image/png` unless said otherwise), ready for
 * `URL.createObjectURL` or an upload. Needs a runtime with `Blob` (all current ones have it).
 *
 * @example img.src = URL.createObjectURL(imageBlob(event))
 */
export function imageBlob(image: Base64Image, type?: string): Blob {
  const format = typeof image === 'string' ? undefined : image?.output_format
  return new Blob([imageBytes(image)], { type: type ?? `image/${format ?? 'png'}` })
}
