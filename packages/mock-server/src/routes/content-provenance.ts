import { readMediaForm } from '../media/form-checks'
import { sendError, sendJson } from '../reply'
import type { Route, RouteContext } from '../route'
import type { ReceivedFile } from './multipart-stream'

const IMAGE = /\.(png|jpe?g|webp|gif)$/i
const AUDIO = /\.(mp3|mpeg|mpga|wav|m4a|mp4|aac|ogg|oga|opus|flac|webm)$/i

/** `image` or `audio` by the part's content type, else its extension; an untyped unknown file counts as an image. */
function kindOf(file: ReceivedFile): 'image' | 'audio' | null {
  const type = (file.contentType ?? '').split(';')[0].trim().toLowerCase()
  if (type.startsWith('audio/') || (!type.startsWith('image/') && AUDIO.test(file.filename))) return 'audio'
  if (type.startsWith('image/') || IMAGE.test(file.filename)) return 'image'
  return type === '' || type === 'application/octet-stream' ? 'image' : null
}

/**
 * `POST /v1/content_provenance_checks`: multipart with one `file` part. Images answer a C2PA and a SynthID result,
 * audio a SynthID one; `not_detected` unless the request carries `x-mock-provenance: detected` (so a test can see
 * both outcomes).
 */
export async function createContentProvenanceCheck(ctx: RouteContext): Promise<void> {
  const form = await readMediaForm(ctx, { files: { file: 'required' }, text: [] })
  if (!form) return
  const [file, ...more] = form.files.file
  if (more.length) return sendError(ctx.res, 400, "Send one file in 'file'.", { param: 'file' })
  const kind = kindOf(file)
  if (!kind)
    return sendError(
      ctx.res,
      400,
      `Unsupported file type '${file.contentType}': send a PNG, JPEG, WebP or GIF image, or an audio file.`,
      { param: 'file' },
    )
  const detected = ctx.request.headers['x-mock-provenance'] === 'detected'
  const signal = {
    outcome: detected ? 'detected' : 'not_detected',
    model: detected ? (kind === 'image' ? 'gpt-image-1' : 'gpt-4o-mini-tts') : null,
    generated_at: detected ? new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, 'Z') : null,
  }
  const c2pa = {
    type: 'c2pa',
    outcome: signal.outcome,
    validation_state: detected ? 'trusted' : 'not_present',
    issuer: detected ? 'OpenAI' : null,
    model: signal.model,
    generated_at: signal.generated_at,
  }
  const results = [...(kind === 'image' ? [c2pa] : []), { type: 'synthid', ...signal }]
  sendJson(ctx.res, 200, {
    object: 'content_provenance_check',
    created_at: Math.floor(Date.now() / 1000),
    results,
  })
}

/** Routes of the content provenance area. */
export const contentProvenanceRoutes: readonly Route[] = [
  {
    method: 'POST',
    path: '/v1/content_provenance_checks',
    handle: createContentProvenanceCheck,
    streamBody: true,
  },
]
