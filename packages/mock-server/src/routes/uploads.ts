import { createHash } from 'node:crypto'
import { once } from 'node:events'
import { createReadStream, createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { isRecord } from '../is-record'
import { type MockState, nextId, storeFor } from '../mock-state'
import { sendError, sendJson, sendNotFound } from '../reply'
import type { Route, RouteContext } from '../route'
import { diskStore, storageDir } from './file-storage'
import { addStoredFile, expiresAfterProblem, FILE_PURPOSES, type MockFileObject } from './files'
import { readMultipartForm } from './multipart-form'
import { removeFormFiles } from './multipart-stream'

/** An upload session as the Uploads API describes it. */
export interface MockUpload {
  id: string
  object: 'upload'
  bytes: number
  created_at: number
  expires_at: number
  filename: string
  purpose: string
  status: 'pending' | 'completed' | 'cancelled' | 'expired'
  file: MockFileObject | null
}

/** A stored part: its bytes on disk. */
export interface StoredPart {
  id: string
  uploadId: string
  bytes: number
  path: string
}

/** The largest upload (8 GB) and part (64 MB) the API takes. */
export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024 * 1024
export const MAX_PART_BYTES = 64 * 1024 * 1024

/** An upload and what its file inherits on completion. */
interface StoredUpload {
  upload: MockUpload
  expiresAfterSeconds: number | undefined
}

const uploads = (state: MockState) => storeFor<StoredUpload>(state, 'uploads')
const parts = (state: MockState) => diskStore<StoredPart>(state, 'uploads.parts')
const now = () => Math.floor(Date.now() / 1000)
function removeParts(state: MockState, uploadId: string): void {
  const store = parts(state)
  for (const part of [...store.values()]) if (part.uploadId === uploadId) store.delete(part.id)
}

/** Why a `POST /v1/uploads` body is refused (message and param), or `null` when it is fine. */
function createUploadProblem(body: Record<string, any>): [string, string] | null {
  const { filename, purpose, bytes, mime_type, expires_after } = body
  if (typeof filename !== 'string' || !filename)
    return ["Missing required parameter: 'filename'.", 'filename']
  if (typeof purpose !== 'string' || !purpose) return ["Missing required parameter: 'purpose'.", 'purpose']
  if (!FILE_PURPOSES.includes(purpose))
    return [`'${purpose}' is not one of ${JSON.stringify(FILE_PURPOSES)} - 'purpose'`, 'purpose']
  if (!Number.isSafeInteger(bytes) || bytes < 0)
    return ["Invalid 'bytes': expected a whole number of bytes.", 'bytes']
  if (bytes > MAX_UPLOAD_BYTES) return [`Upload is too large: ${bytes} bytes; the maximum is 8 GB.`, 'bytes']
  if (typeof mime_type !== 'string' || !mime_type)
    return ["Missing required parameter: 'mime_type'.", 'mime_type']
  if (expires_after === undefined) return null
  const expires = expiresAfterProblem(expires_after?.anchor, expires_after?.seconds ?? 'missing')
  return expires ? [expires, 'expires_after'] : null
}

/** `POST /v1/uploads`: `{ filename, purpose, bytes, mime_type, expires_after? }` → a pending upload. */
export function createUpload({ res, request, state }: RouteContext) {
  const body = request.json
  if (!isRecord<any>(body)) return sendError(res, 400, 'Send a JSON object body.')
  const problem = createUploadProblem(body)
  if (problem) return sendError(res, 400, problem[0], { param: problem[1] })
  const created = now()
  const upload: MockUpload = {
    id: nextId(state, 'upload'),
    object: 'upload',
    bytes: body.bytes,
    created_at: created,
    expires_at: created + 3600,
    filename: body.filename,
    purpose: body.purpose,
    status: 'pending',
    file: null,
  }
  uploads(state).set(upload.id, { upload, expiresAfterSeconds: body.expires_after?.seconds })
  sendJson(res, 200, upload)
}

function pendingUpload(ctx: RouteContext): StoredUpload | undefined {
  const stored = uploads(ctx.state).get(ctx.params.id)
  if (!stored) return void sendNotFound(ctx.res, 'upload', ctx.params.id, 'upload_id')
  const { upload } = stored
  if (upload.status !== 'pending')
    return void sendError(ctx.res, 400, `Upload ${upload.id} is already ${upload.status}.`, {
      param: 'upload_id',
    })
  return stored
}

/** `POST /v1/uploads/:id/parts`: a streamed multipart body with one `data` file part (at most 64 MB). */
export async function addUploadPart(ctx: RouteContext): Promise<void> {
  const { res, state } = ctx
  const upload = pendingUpload(ctx)?.upload
  if (!upload) return
  const form = await readMultipartForm(ctx, { maxFileBytes: MAX_PART_BYTES, param: 'data' })
  if (!form) return
  const data = form.files.data
  await removeFormFiles(form, data ? [data] : [])
  const problem = !data
    ? "Missing required parameter: 'data'."
    : data.tooLarge
      ? `Part is too large: ${data.bytes} bytes; the maximum is 64 MB.`
      : upload.status !== 'pending'
        ? `Upload ${upload.id} is already ${upload.status}.`
        : null
  if (problem) {
    if (data) await rm(data.path, { force: true })
    return sendError(res, 400, problem, { param: 'data' })
  }
  const part = { id: nextId(state, 'part'), object: 'upload.part', created_at: now(), upload_id: upload.id }
  parts(state).set(part.id, { id: part.id, uploadId: upload.id, bytes: data!.bytes, path: data!.path })
  sendJson(res, 200, part)
}

/** `POST /v1/uploads/:id/complete`: `{ part_ids, md5? }`; the parts must add up to the announced bytes. */
export async function completeUpload(ctx: RouteContext): Promise<void> {
  const { res, request, state } = ctx
  const stored = pendingUpload(ctx)
  if (!stored) return
  const { upload } = stored
  const body = request.json
  const ids = isRecord<any>(body) ? body.part_ids : undefined
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string'))
    return sendError(res, 400, "Missing required parameter: 'part_ids' (an array of part ids).", {
      param: 'part_ids',
    })
  if (new Set(ids).size !== ids.length)
    return sendError(res, 400, "'part_ids' lists a part more than once.", { param: 'part_ids' })
  const store = parts(state)
  const chosen: StoredPart[] = []
  for (const id of ids) {
    const part = store.get(id)
    if (!part || part.uploadId !== upload.id)
      return sendError(res, 400, `Part ${id} does not belong to upload ${upload.id}.`, { param: 'part_ids' })
    chosen.push(part)
  }
  const total = chosen.reduce((sum, p) => sum + p.bytes, 0)
  if (total !== upload.bytes)
    return sendError(
      res,
      400,
      `The parts hold ${total} bytes, but the upload was created with bytes=${upload.bytes}.`,
      { param: 'part_ids' },
    )
  const path = join(storageDir(state), `${upload.id}.bin`)
  const md5 = createHash('md5')
  const out = createWriteStream(path)
  // One stream written part after part, with backpressure (a pipeline per part would pile listeners on `out`).
  for (const part of chosen)
    for await (const chunk of createReadStream(part.path)) {
      md5.update(chunk as Buffer)
      if (!out.write(chunk)) await once(out, 'drain')
    }
  out.end()
  await once(out, 'close')
  const md5Hex = md5.digest('hex')
  if (isRecord<any>(body) && typeof body.md5 === 'string' && body.md5.toLowerCase() !== md5Hex) {
    await rm(path, { force: true })
    return sendError(res, 400, `The md5 given (${body.md5}) does not match the uploaded bytes (${md5Hex}).`, {
      param: 'md5',
    })
  }
  removeParts(state, upload.id)
  upload.file = await addStoredFile(state, {
    filename: upload.filename,
    purpose: upload.purpose,
    bytes: total,
    path,
    expiresAfterSeconds: stored.expiresAfterSeconds,
  })
  upload.status = 'completed'
  sendJson(res, 200, upload)
}

/** `POST /v1/uploads/:id/cancel`: a pending upload becomes `cancelled` and its parts are dropped. */
export function cancelUpload(ctx: RouteContext) {
  const upload = pendingUpload(ctx)?.upload
  if (!upload) return
  upload.status = 'cancelled'
  removeParts(ctx.state, upload.id)
  sendJson(ctx.res, 200, upload)
}

/** Routes of the Uploads API. */
export const uploadsRoutes: readonly Route[] = [
  { method: 'POST', path: '/v1/uploads', handle: createUpload },
  { method: 'POST', path: '/v1/uploads/:id/parts', handle: addUploadPart, streamBody: true },
  { method: 'POST', path: '/v1/uploads/:id/complete', handle: completeUpload },
  { method: 'POST', path: '/v1/uploads/:id/cancel', handle: cancelUpload },
]
