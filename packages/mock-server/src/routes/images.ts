import type { ServerResponse } from 'node:http'
import { readMediaForm } from '../media/form-checks'
import { colourOf, pngImage } from '../media/media-bytes'
import { sendError, sendJson } from '../reply'
import type { Route, RouteContext } from '../route'
import { openEventStream, sseFrame, writeChunk } from '../sse'

const now = () => Math.floor(Date.now() / 1000)

/** The answer's settings: what the request asked for, or the defaults the API reports. */
interface ImageAsk {
  prompt: string
  n: number
  size: string
  quality: string
  background: string
  output_format: string
  response_format: string | undefined
  partial_images: number
  stream: boolean
}

function ask(source: Record<string, unknown>): ImageAsk {
  const text = (key: string, fallback: string) => {
    const value = source[key]
    return typeof value === 'string' && value !== 'auto' && value !== '' ? value : fallback
  }
  return {
    prompt: String(source.prompt ?? ''),
    n: Math.min(Math.max(Number(source.n ?? 1) || 1, 1), 10),
    size: text('size', '1024x1024'),
    quality: text('quality', 'medium'),
    background: text('background', 'opaque'),
    output_format: text('output_format', 'png'),
    response_format: typeof source.response_format === 'string' ? source.response_format : undefined,
    partial_images: Math.min(Math.max(Number(source.partial_images ?? 0) || 0, 0), 3),
    stream: source.stream === true || source.stream === 'true',
  }
}

const usage = (prompt: string) => ({
  input_tokens: 10 + Math.ceil(prompt.length / 4),
  output_tokens: 272,
  total_tokens: 282 + Math.ceil(prompt.length / 4),
  input_tokens_details: { text_tokens: 10 + Math.ceil(prompt.length / 4), image_tokens: 0 },
})

/** An 8x8 PNG whose colour follows the prompt; partial images get darker versions of it. */
function imageBase64(prompt: string, step = 0): string {
  const colour = colourOf(prompt)
  const dim = (c: number) => Math.floor((c * (step + 1)) / 4)
  const rgba = step
    ? (dim(colour >>> 24) << 24) |
      (dim((colour >>> 16) & 0xff) << 16) |
      (dim((colour >>> 8) & 0xff) << 8) |
      0xff
    : colour
  return pngImage(8, 8, rgba >>> 0).toString('base64')
}

async function answer(
  res: ServerResponse,
  a: ImageAsk,
  kind: 'image_generation' | 'image_edit',
  dalle: boolean,
) {
  if (!a.stream) {
    const data = Array.from({ length: a.n }, (_, i) =>
      dalle && a.response_format !== 'b64_json'
        ? { url: `https://images.mock.invalid/img-${i}.png` }
        : { b64_json: imageBase64(a.prompt) },
    )
    const extra = dalle
      ? {}
      : {
          background: a.background,
          output_format: a.output_format,
          size: a.size,
          quality: a.quality,
          usage: usage(a.prompt),
        }
    return sendJson(res, 200, { created: now(), data, ...extra })
  }
  const common = {
    created_at: now(),
    size: a.size,
    quality: a.quality,
    background: a.background,
    output_format: a.output_format,
  }
  openEventStream(res)
  for (let i = 0; i < a.partial_images; i++) {
    const type = `${kind}.partial_image`
    const event = { type, b64_json: imageBase64(a.prompt, i + 1), ...common, partial_image_index: i }
    if (!(await writeChunk(res, sseFrame(JSON.stringify(event), type)))) return
  }
  const type = `${kind}.completed`
  const done = { type, b64_json: imageBase64(a.prompt), ...common, usage: usage(a.prompt) }
  if (await writeChunk(res, sseFrame(JSON.stringify(done), type))) res.end()
}

/** `POST /v1/images/generations`: JSON in; an `ImagesResponse`, or partial-image events with `stream: true`. */
export async function createImage({ res, request }: RouteContext): Promise<void> {
  const body = request.json
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return sendError(res, 400, 'Send a JSON object with a `prompt`.')
  const params = body as Record<string, unknown>
  if (typeof params.prompt !== 'string' || !params.prompt)
    return sendError(res, 400, "Missing required parameter: 'prompt'.", { param: 'prompt' })
  const model = String(params.model ?? 'dall-e-2')
  if (params.stream === true && model.startsWith('dall-e'))
    return sendError(res, 400, `Streaming is not supported for ${model}.`, { param: 'stream' })
  await answer(res, ask(params), 'image_generation', model.startsWith('dall-e'))
}

/** `POST /v1/images/edits`: multipart with `image` (or `image[]`), `prompt`, optional `mask`. */
export async function createImageEdit(ctx: RouteContext): Promise<void> {
  const form = await readMediaForm(ctx, { files: { image: 'required', mask: 'optional' }, text: ['prompt'] })
  if (!form) return
  const model = form.fields.model ?? 'dall-e-2'
  if ((form.files.image?.length ?? 0) > 16)
    return sendError(ctx.res, 400, 'At most 16 images can be edited at once.', { param: 'image' })
  if (form.files.mask && form.files.mask.length > 1)
    return sendError(ctx.res, 400, 'Send one mask.', { param: 'mask' })
  await answer(ctx.res, ask(form.fields), 'image_edit', model.startsWith('dall-e'))
}

/** `POST /v1/images/variations`: multipart with one `image` (dall-e-2). */
export async function createImageVariation(ctx: RouteContext): Promise<void> {
  const form = await readMediaForm(ctx, { files: { image: 'required' }, text: [] })
  if (!form) return
  if (form.files.image.length > 1) return sendError(ctx.res, 400, 'Send one image.', { param: 'image' })
  await answer(
    ctx.res,
    { ...ask(form.fields), prompt: form.files.image[0].filename },
    'image_generation',
    true,
  )
}

/** Routes of the images area. */
export const imagesRoutes: readonly Route[] = [
  { method: 'POST', path: '/v1/images/generations', handle: createImage },
  { method: 'POST', path: '/v1/images/edits', handle: createImageEdit, streamBody: true },
  { method: 'POST', path: '/v1/images/variations', handle: createImageVariation, streamBody: true },
]
