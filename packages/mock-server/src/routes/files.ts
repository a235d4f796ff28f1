import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'
import type { MockState } from '../mock-state'
import { nextId } from '../mock-state'
import { queryValue } from '../query-value'
import { sendError, sendJson, sendNotFound } from '../reply'
import type { Route, RouteContext } from '../route'
import { diskStore } from './file-storage'
import { readMultipartForm } from './multipart-form'
import { type ReceivedForm, removeFormFiles } from './multipart-stream'

/** A file as the Files API describes it. */
export interface MockFileObject {
  id: string
  object: 'file'
  bytes: number
  created_at: number
  expires_at: number | null
  filename: string
  purpose: string
  status: 'uploaded' | 'processed' | 'error'
  status_details: string | null
}

/** A stored file: its description, its bytes on disk, and how it finishes processing. */
export interface StoredFile {
  file: MockFileObject
  path: string
  /** Retrievals still answered with `uploaded` before the file shows its final status. */
  pendingPolls: number
  finalStatus: 'processed' | 'error'
  finalDetails: string | null
}

/** Purposes the mock accepts, as the real API does. */
export const FILE_PURPOSES = ['assistants', 'batch', 'fine-tune', 'vision', 'user_data', 'evals']

/** The largest file `POST /v1/files` takes (512 MB). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024

const FILES = 'files'
const now = () => Math.floor(Date.now() / 1000)

/** The files store (ids in creation order). */
export function fileStore(state: MockState): Map<string, StoredFile> {
  return diskStore<StoredFile>(state, FILES)
}

/**
 * Checks `expires_after` (`anchor: 'created_at'`, `seconds` from 3600 to 2592000); returns an error text or `null`.
 */
export function expiresAfterProblem(anchor: unknown, seconds: unknown): string | null {
  if (anchor === undefined && seconds === undefined) return null
  if (anchor !== 'created_at') return "Invalid 'expires_after.anchor': expected 'created_at'."
  const n = Number(seconds)
  if (!Number.isInteger(n) || n < 3600 || n > 2592000)
    return "Invalid 'expires_after.seconds': expected an integer from 3600 to 2592000."
  return null
}

/**
 * Stores a file whose bytes are at `path`. `fine-tune` and `batch` files start `uploaded` and show their final
 * status from the second retrieval on; a `.jsonl` file (up to 4 MB) with a line that is not JSON ends as `error`.
 */
export async function addStoredFile(
  state: MockState,
  init: { filename: string; purpose: string; bytes: number; path: string; expiresAfterSeconds?: number },
): Promise<MockFileObject> {
  const created = now()
  const processing = init.purpose === 'fine-tune' || init.purpose === 'batch'
  let finalStatus: StoredFile['finalStatus'] = 'processed'
  let finalDetails: string | null = null
  if (processing && init.filename.endsWith('.jsonl') && init.bytes <= 4 * 1024 * 1024) {
    const lines = (await readFile(init.path, 'utf8')).split('\n')
    const bad = lines.findIndex((line) => {
      if (!line.trim()) return false
      try {
        JSON.parse(line)
        return false
      } catch {
        return true
      }
    })
    if (bad !== -1) {
      finalStatus = 'error'
      finalDetails = `Invalid file format: line ${bad + 1} is not valid JSON.`
    }
  }
  const expiresAfter = init.expiresAfterSeconds ?? (init.purpose === 'batch' ? 30 * 24 * 3600 : undefined)
  const file: MockFileObject = {
    id: nextId(state, 'file', '-'),
    object: 'file',
    bytes: init.bytes,
    created_at: created,
    expires_at: expiresAfter === undefined ? null : created + expiresAfter,
    filename: init.filename,
    purpose: init.purpose,
    status: processing ? 'uploaded' : finalStatus,
    status_details: processing ? null : finalDetails,
  }
  fileStore(state).set(file.id, {
    file,
    path: init.path,
    pendingPolls: processing ? 1 : 0,
    finalStatus,
    finalDetails,
  })
  return file
}

/** `POST /v1/files`: a streamed multipart upload (`file`, `purpose`, `expires_after[anchor|seconds]`). */
export async function createFile(ctx: RouteContext): Promise<void> {
  const { res, state } = ctx
  const form = await readMultipartForm(ctx, { maxFileBytes: MAX_FILE_BYTES, param: 'file' })
  if (!form) return
  const received = form.files.file
  const problem = createFileProblem(form)
  await removeFormFiles(form, problem ? [] : [received!])
  if (problem) return sendError(res, 400, problem.message, { param: problem.param })
  const seconds = form.fields['expires_after[seconds]']
  const file = await addStoredFile(state, {
    filename: received!.filename,
    purpose: form.fields.purpose,
    bytes: received!.bytes,
    path: received!.path,
    expiresAfterSeconds: seconds === undefined ? undefined : Number(seconds),
  })
  sendJson(res, 200, file)
}

/** Why a received `POST /v1/files` form is refused, or `null` when it is fine. */
function createFileProblem(form: ReceivedForm): { message: string; param: string } | null {
  const file = form.files.file
  const purpose = form.fields.purpose
  if (!file) return { message: "Missing required parameter: 'file'.", param: 'file' }
  if (file.tooLarge)
    return { message: `File is too large: ${file.bytes} bytes; the maximum is 512 MB.`, param: 'file' }
  if (!purpose) return { message: "Missing required parameter: 'purpose'.", param: 'purpose' }
  if (!FILE_PURPOSES.includes(purpose))
    return {
      message: `'${purpose}' is not one of ${JSON.stringify(FILE_PURPOSES)} - 'purpose'`,
      param: 'purpose',
    }
  const expires = expiresAfterProblem(
    form.fields['expires_after[anchor]'],
    form.fields['expires_after[seconds]'],
  )
  return expires ? { message: expires, param: 'expires_after' } : null
}

/** `GET /v1/files?purpose=&order=&limit=&after=`: cursor pagination, newest first by default. */
export function listFiles({ res, request, state }: RouteContext) {
  const purpose = queryValue(request.query.purpose)
  const order = queryValue(request.query.order) || 'desc'
  const rawLimit = queryValue(request.query.limit)
  const limit = rawLimit === undefined || rawLimit === '' ? 10000 : Number(rawLimit)
  const after = queryValue(request.query.after) || undefined
  if (!Number.isInteger(limit) || limit < 1 || limit > 10000)
    return sendError(res, 400, "Invalid 'limit': expected an integer from 1 to 10000.", { param: 'limit' })
  if (order !== 'asc' && order !== 'desc')
    return sendError(res, 400, "Invalid 'order': expected 'asc' or 'desc'.", { param: 'order' })
  let files = [...fileStore(state).values()].map((s) => s.file)
  if (purpose) files = files.filter((f) => f.purpose === purpose)
  if (order === 'desc') files.reverse()
  let start = 0
  if (after !== undefined) {
    const index = files.findIndex((f) => f.id === after)
    if (index === -1)
      return sendError(res, 404, `No file found with id '${after}' (the 'after' cursor).`, { param: 'after' })
    start = index + 1
  }
  const data = files.slice(start, start + limit)
  sendJson(res, 200, {
    object: 'list',
    data,
    first_id: data[0]?.id ?? null,
    last_id: data.at(-1)?.id ?? null,
    has_more: start + data.length < files.length,
  })
}

/** `GET /v1/files/:id`: the file; a `fine-tune`/`batch` file moves to its final status on the second call. */
export function retrieveFile({ res, params, state }: RouteContext) {
  const stored = fileStore(state).get(params.id)
  if (!stored) return sendNotFound(res, 'file', params.id, 'file_id')
  if (stored.pendingPolls > 0) stored.pendingPolls--
  else if (stored.file.status === 'uploaded') {
    stored.file.status = stored.finalStatus
    stored.file.status_details = stored.finalDetails
  }
  sendJson(res, 200, stored.file)
}

/** `DELETE /v1/files/:id`. */
export function deleteFile({ res, params, state }: RouteContext) {
  const store = fileStore(state)
  if (!store.delete(params.id)) return sendNotFound(res, 'file', params.id, 'file_id')
  sendJson(res, 200, { id: params.id, object: 'file', deleted: true })
}

/** `GET /v1/files/:id/content`: the bytes, streamed from disk. */
export async function retrieveFileContent({ res, params, state }: RouteContext): Promise<void> {
  const stored = fileStore(state).get(params.id)
  if (!stored) return sendNotFound(res, 'file', params.id, 'file_id')
  const { size } = await stat(stored.path)
  res.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-length': String(size),
    'content-disposition': `attachment; filename="${encodeURIComponent(stored.file.filename)}"`,
  })
  // The client may stop reading (cancel); the pipeline then ends with an error nobody needs to hear about.
  await pipeline(createReadStream(stored.path), res).catch(() => {})
}

/** Routes of the Files API. */
export const filesRoutes: readonly Route[] = [
  { method: 'POST', path: '/v1/files', handle: createFile, streamBody: true },
  { method: 'GET', path: '/v1/files', handle: listFiles },
  { method: 'GET', path: '/v1/files/:id', handle: retrieveFile },
  { method: 'DELETE', path: '/v1/files/:id', handle: deleteFile },
  { method: 'GET', path: '/v1/files/:id/content', handle: retrieveFileContent },
]
