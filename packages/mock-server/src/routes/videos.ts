import { sendCursorList } from '../cursor-list'
import { readMediaForm } from '../media/form-checks'
import { colourOf, mp4Header, pngImage, WEBP_1X1 } from '../media/media-bytes'
import { nextId, storeFor } from '../mock-state'
import { queryValue } from '../query-value'
import { sendError, sendJson, sendNotFound } from '../reply'
import type { Route, RouteContext } from '../route'
import { writeChunk } from '../sse'

/** A video job as the Videos API describes it. */
interface MockVideo {
  id: string
  object: 'video'
  model: string
  status: 'queued' | 'in_progress' | 'completed' | 'failed'
  progress: number
  created_at: number
  completed_at: number | null
  expires_at: number | null
  prompt: string | null
  size: string
  seconds: string
  remixed_from_video_id: string | null
  error: { code: string; message: string } | null
}

const SECONDS = ['4', '8', '12']
const SIZES = ['720x1280', '1280x720', '1024x1792', '1792x1024']
/** Bytes of MP4 payload per second of video (small, so downloads stay quick). */
const MP4_BYTES_PER_SECOND = 64 * 1024

const now = () => Math.floor(Date.now() / 1000)
const videos = (ctx: RouteContext) => storeFor<MockVideo>(ctx.state, 'videos')
const characters = (ctx: RouteContext) =>
  storeFor<{ id: string; name: string; created_at: number }>(ctx.state, 'video-characters')

/**
 * Each retrieve moves a job one step: `queued` (0%), `in_progress` (50%), then `completed` (100%), so a poller sees
 * every state. A prompt containing "trigger failure" ends `failed` instead.
 */
function advance(video: MockVideo): void {
  if (video.status === 'queued') Object.assign(video, { status: 'in_progress', progress: 50 })
  else if (video.status === 'in_progress') {
    if (video.prompt?.toLowerCase().includes('trigger failure'))
      Object.assign(video, {
        status: 'failed',
        error: { code: 'moderation_blocked', message: 'The mock refuses prompts asking for a failure.' },
      })
    else
      Object.assign(video, {
        status: 'completed',
        progress: 100,
        completed_at: now(),
        expires_at: now() + 86_400,
      })
  }
}

/** Checks model-independent fields and stores a new `queued` job. `undefined` means an error was sent. */
function startJob(ctx: RouteContext, fields: Record<string, string | undefined>, from: MockVideo | null) {
  const seconds = fields.seconds ?? from?.seconds ?? '4'
  const size = fields.size ?? from?.size ?? '720x1280'
  if (!SECONDS.includes(seconds))
    return void sendError(ctx.res, 400, `'seconds' must be one of ${SECONDS.join(', ')}.`, {
      param: 'seconds',
    })
  if (!SIZES.includes(size))
    return void sendError(ctx.res, 400, `'size' must be one of ${SIZES.join(', ')}.`, { param: 'size' })
  const video: MockVideo = {
    id: nextId(ctx.state, 'video'),
    object: 'video',
    model: fields.model ?? from?.model ?? 'sora-2',
    status: 'queued',
    progress: 0,
    created_at: now(),
    completed_at: null,
    expires_at: null,
    prompt: fields.prompt ?? null,
    size,
    seconds,
    remixed_from_video_id: from?.id ?? null,
    error: null,
  }
  videos(ctx).set(video.id, video)
  return video
}

/** The video a form's `video` field refers to (`video[id]`), or `null` when a file was sent; 404 sends. */
function referenced(ctx: RouteContext, id: string | undefined): MockVideo | null | undefined {
  if (id === undefined) return null
  const video = videos(ctx).get(id)
  if (!video) sendNotFound(ctx.res, 'video', id, 'video')
  return video
}

/** `POST /v1/videos`: multipart (or JSON) `prompt`, optional `input_reference` (an image file or `[file_id]`). */
export async function createVideo(ctx: RouteContext): Promise<void> {
  const type = ctx.request.headers['content-type'] ?? ''
  let fields: Record<string, string | undefined>
  if (type.startsWith('application/json')) {
    const body = ctx.request.json as Record<string, unknown> | undefined
    fields =
      typeof body === 'object' && body
        ? Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : undefined]))
        : {}
  } else {
    const form = await readMediaForm(ctx, { files: {}, text: ['prompt'], maxFileBytes: 50 * 1024 * 1024 })
    if (!form) return
    const reference = form.files.input_reference
    if (reference && reference.length > 1)
      return sendError(ctx.res, 400, 'Send one input_reference.', { param: 'input_reference' })
    // A file sent without a type (a path, as the official SDK sends one) is application/octet-stream: let it through.
    if (
      reference &&
      !/^(image\/|application\/octet-stream)/.test(reference[0].contentType ?? 'application/octet-stream')
    )
      return sendError(
        ctx.res,
        400,
        "'input_reference' must be an image (image/jpeg, image/png or image/webp).",
        {
          param: 'input_reference',
        },
      )
    fields = form.fields
  }
  if (!fields.prompt)
    return sendError(ctx.res, 400, "Missing required parameter: 'prompt'.", { param: 'prompt' })
  const video = startJob(ctx, fields, null)
  if (video) sendJson(ctx.res, 200, video)
}

/** `POST /v1/videos/edits` and `/v1/videos/extensions`: multipart `prompt`, and `video` as a file or `video[id]`. */
function editOrExtend(extension: boolean) {
  return async (ctx: RouteContext): Promise<void> => {
    const form = await readMediaForm(ctx, { files: {}, text: extension ? ['prompt', 'seconds'] : ['prompt'] })
    if (!form) return
    const file = form.files.video
    const from = referenced(ctx, form.fields['video[id]'])
    if (from === undefined) return
    if (!file && !from)
      return sendError(ctx.res, 400, "Missing required parameter: 'video' (a file, or video[id]).", {
        param: 'video',
      })
    const video = startJob(ctx, form.fields, from)
    if (video) sendJson(ctx.res, 200, video)
  }
}

/** `POST /v1/videos/:id/remix`: JSON `{ prompt }` for a completed video. */
export function remixVideo(ctx: RouteContext) {
  const from = referenced(ctx, ctx.params.id)
  if (!from) return
  const body = ctx.request.json as Record<string, unknown> | undefined
  if (typeof body?.prompt !== 'string' || !body.prompt)
    return sendError(ctx.res, 400, "Missing required parameter: 'prompt'.", { param: 'prompt' })
  if (from.status !== 'completed')
    return sendError(
      ctx.res,
      400,
      `Video ${from.id} is ${from.status}; only a completed video can be remixed.`,
    )
  const video = startJob(ctx, { prompt: body.prompt }, from)
  if (video) sendJson(ctx.res, 200, video)
}

/** `GET /v1/videos/:id`: the job, one step further along each time it is asked for. */
export function retrieveVideo(ctx: RouteContext) {
  const video = videos(ctx).get(ctx.params.id)
  if (!video) return sendNotFound(ctx.res, 'video', ctx.params.id, 'video_id')
  const answer = { ...video }
  advance(video)
  sendJson(ctx.res, 200, answer)
}

/** `GET /v1/videos`: cursor pagination, newest first. */
export function listVideos(ctx: RouteContext) {
  sendCursorList(ctx.res, [...videos(ctx).values()], ctx.request.query, { limit: 20, order: 'desc' })
}

/** `DELETE /v1/videos/:id`. */
export function deleteVideo(ctx: RouteContext) {
  if (!videos(ctx).delete(ctx.params.id)) return sendNotFound(ctx.res, 'video', ctx.params.id, 'video_id')
  sendJson(ctx.res, 200, { id: ctx.params.id, object: 'video.deleted', deleted: true })
}

/** `GET /v1/videos/:id/content?variant=`: an MP4 (header and a payload sized by `seconds`), a WebP or a JPEG-ish PNG. */
export async function retrieveVideoContent(ctx: RouteContext): Promise<void> {
  const { res } = ctx
  const video = videos(ctx).get(ctx.params.id)
  if (!video) return sendNotFound(res, 'video', ctx.params.id, 'video_id')
  if (video.status !== 'completed')
    return sendError(
      res,
      400,
      `Video ${video.id} is ${video.status}; its content is ready once it is completed.`,
    )
  const variant = queryValue(ctx.request.query.variant) ?? 'video'
  if (variant === 'thumbnail') return sendBytes(res, 'image/webp', WEBP_1X1)
  if (variant === 'spritesheet')
    return sendBytes(res, 'image/png', pngImage(16, 16, colourOf(video.prompt ?? '')))
  if (variant !== 'video')
    return sendError(res, 400, "'variant' must be video, thumbnail or spritesheet.", { param: 'variant' })
  const payload = Number(video.seconds) * MP4_BYTES_PER_SECOND
  const head = mp4Header(payload)
  res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(head.length + payload) })
  if (!(await writeChunk(res, head as unknown as string))) return
  const block = Buffer.alloc(65_536, 0x42)
  for (let sent = 0; sent < payload; sent += block.length)
    if (
      !(await writeChunk(res, block.subarray(0, Math.min(block.length, payload - sent)) as unknown as string))
    )
      return
  res.end()
}

function sendBytes(res: RouteContext['res'], type: string, bytes: Buffer): void {
  res.writeHead(200, { 'content-type': type, 'content-length': String(bytes.length) })
  res.end(bytes)
}

/** `POST /v1/videos/characters`: multipart `name` and a `video` file. */
export async function createVideoCharacter(ctx: RouteContext): Promise<void> {
  const form = await readMediaForm(ctx, { files: { video: 'required' }, text: ['name'] })
  if (!form) return
  const character = { id: nextId(ctx.state, 'char'), name: form.fields.name, created_at: now() }
  characters(ctx).set(character.id, character)
  sendJson(ctx.res, 200, character)
}

/** `GET /v1/videos/characters/:id`. */
export function getVideoCharacter(ctx: RouteContext) {
  const character = characters(ctx).get(ctx.params.id)
  if (!character) return sendNotFound(ctx.res, 'character', ctx.params.id, 'character_id')
  sendJson(ctx.res, 200, character)
}

/** Routes of the videos area (the characters and edits paths before `/v1/videos/:id`). */
export const videosRoutes: readonly Route[] = [
  { method: 'POST', path: '/v1/videos', handle: createVideo, streamBody: true },
  { method: 'GET', path: '/v1/videos', handle: listVideos },
  { method: 'POST', path: '/v1/videos/characters', handle: createVideoCharacter, streamBody: true },
  { method: 'GET', path: '/v1/videos/characters/:id', handle: getVideoCharacter },
  { method: 'POST', path: '/v1/videos/edits', handle: editOrExtend(false), streamBody: true },
  { method: 'POST', path: '/v1/videos/extensions', handle: editOrExtend(true), streamBody: true },
  { method: 'GET', path: '/v1/videos/:id', handle: retrieveVideo },
  { method: 'DELETE', path: '/v1/videos/:id', handle: deleteVideo },
  { method: 'GET', path: '/v1/videos/:id/content', handle: retrieveVideoContent },
  { method: 'POST', path: '/v1/videos/:id/remix', handle: remixVideo },
]
