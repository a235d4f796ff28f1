import { readFile } from 'node:fs/promises'
import { isRecord } from '../is-record'
import type { MockState } from '../mock-state'
import { sendError, sendJson } from '../reply'
import type { RouteContext } from '../route'
import { fileStore } from '../routes/files'
import { POLL_AFTER_MS } from './batches'
import { buildObject, collectionAt, type Stored, storedOr404 } from './resources'

const STORES = '/v1/vector_stores'
const STORE = '/v1/vector_stores/:vector_store_id'
const BATCH = '/v1/vector_stores/:vector_store_id/file_batches/:batch_id'
const FILE = '/v1/vector_stores/:vector_store_id/files/:file_id'
/** Files with these extensions end `failed` (`unsupported_file`), as the real API refuses them. */
const UNSUPPORTED = /\.(bin|exe|zip|dll)$/i
/** The largest file the mock reads for content and search. */
const MAX_TEXT_BYTES = 4 * 1024 * 1024

const enc = encodeURIComponent
const filesPath = (storeId: string) => `${STORES}/${enc(storeId)}/files`
const batchFilesPath = (storeId: string, batchId: string) =>
  `${STORES}/${enc(storeId)}/file_batches/${enc(batchId)}/files`

/** Retrievals a new file still answers `in_progress` to before it shows its final status. */
const pending = new WeakMap<Stored, number>()
/** The upload behind each attached file (its name and bytes on disk), kept out of the file's JSON. */
const uploads = new WeakMap<Stored, { filename: string; path: string }>()

/** Counts a store's files by status and sets the store's `file_counts`, `status` and `usage_bytes`. */
function refreshStore(state: MockState, store: Stored): void {
  const files = [...collectionAt(state, filesPath(store.id)).values()]
  const counts = { in_progress: 0, completed: 0, failed: 0, cancelled: 0, total: files.length }
  for (const file of files) counts[file.status as keyof typeof counts]++
  store.file_counts = counts
  store.usage_bytes = files.reduce(
    (sum, f) => sum + (f.status === 'completed' ? Number(f.usage_bytes) : 0),
    0,
  )
  if (store.status !== 'expired') store.status = counts.in_progress > 0 ? 'in_progress' : 'completed'
}

/** Moves a file one retrieval closer to done: `completed`, or `failed` for an unsupported file. */
function advance(file: Stored): void {
  if (file.status !== 'in_progress') return
  const left = pending.get(file) ?? 0
  if (left > 0) return void pending.set(file, left - 1)
  const name = uploads.get(file)?.filename ?? ''
  if (UNSUPPORTED.test(name)) {
    file.status = 'failed'
    file.last_error = { code: 'unsupported_file', message: `The file type of '${name}' is not supported.` }
  } else file.status = 'completed'
}

/** Attaches an uploaded file; `null` after answering 400 for an unknown one. */
function attach(ctx: RouteContext, store: Stored, fileId: unknown, attributes: unknown): Stored | null {
  const uploaded = fileStore(ctx.state).get(String(fileId))
  if (!uploaded) {
    sendError(ctx.res, 400, `Invalid 'file_id': no file '${fileId}' was uploaded.`, { param: 'file_id' })
    return null
  }
  const files = collectionAt(ctx.state, filesPath(store.id))
  const existing = files.get(uploaded.file.id)
  if (existing) return existing
  const file = buildObject(ctx, 'VectorStoreFileObject', { prefix: ['file'], id: uploaded.file.id })
  Object.assign(file, {
    status: 'in_progress',
    vector_store_id: store.id,
    usage_bytes: uploaded.file.bytes,
    last_error: null,
    chunking_strategy: { type: 'static', static: { max_chunk_size_tokens: 800, chunk_overlap_tokens: 400 } },
    attributes: isRecord(attributes) ? attributes : {},
  })
  uploads.set(file, { filename: uploaded.file.filename, path: uploaded.path })
  pending.set(file, 1)
  files.set(file.id, file)
  return file
}

/** `POST /v1/vector_stores`: a store, with `file_ids` attached (`in_progress` until they are processed). */
export function createVectorStore(ctx: RouteContext) {
  const body = isRecord(ctx.request.json) ? ctx.request.json : {}
  const store = buildObject(ctx, 'VectorStoreObject', { prefix: ['vs'], body })
  if (typeof store.name !== 'string') store.name = ''
  if (store.metadata === null) store.metadata = {}
  collectionAt(ctx.state, STORES).set(store.id, store)
  for (const id of Array.isArray(body.file_ids) ? body.file_ids : [])
    if (!attach(ctx, store, id, undefined)) return void collectionAt(ctx.state, STORES).delete(store.id)
  refreshStore(ctx.state, store)
  sendJson(ctx.res, 200, store)
}

/** `GET /v1/vector_stores/{id}`: the store; each retrieval moves its files one step. */
export function getVectorStore(ctx: RouteContext) {
  const store = storedOr404(ctx, STORE, 'vector store')
  if (!store) return
  for (const file of collectionAt(ctx.state, filesPath(store.id)).values()) advance(file)
  refreshStore(ctx.state, store)
  sendJson(ctx.res, 200, store)
}

/** `POST /v1/vector_stores/{id}/files`: attaches an uploaded file (`in_progress`). */
export function createVectorStoreFile(ctx: RouteContext) {
  const store = storedOr404(ctx, STORE, 'vector store')
  if (!store) return
  const body = isRecord(ctx.request.json) ? ctx.request.json : {}
  const file = attach(ctx, store, body.file_id, body.attributes)
  if (!file) return
  refreshStore(ctx.state, store)
  sendJson(ctx.res, 200, file)
}

/** `GET /v1/vector_stores/{id}/files/{file_id}`: answers `in_progress` once, then `completed` (or `failed`). */
export function getVectorStoreFile(ctx: RouteContext) {
  const store = storedOr404(ctx, STORE, 'vector store')
  const file = store && storedOr404(ctx, FILE, 'vector store file')
  if (!store || !file) return
  advance(file)
  refreshStore(ctx.state, store)
  const headers: Record<string, string> =
    file.status === 'in_progress' ? { 'openai-poll-after-ms': POLL_AFTER_MS } : {}
  sendJson(ctx.res, 200, file, headers)
}

function batchCounts(files: readonly Stored[]) {
  const counts = { in_progress: 0, completed: 0, failed: 0, cancelled: 0, total: files.length }
  for (const file of files) counts[file.status as keyof typeof counts]++
  return counts
}

function refreshBatch(state: MockState, batch: Stored): void {
  const counts = batchCounts([
    ...collectionAt(state, batchFilesPath(String(batch.vector_store_id), batch.id)).values(),
  ])
  batch.file_counts = counts
  if (batch.status === 'in_progress' && counts.in_progress === 0) batch.status = 'completed'
}

/** `POST /v1/vector_stores/{id}/file_batches`: attaches `file_ids` (or `files`) as one batch. */
export function createVectorStoreFileBatch(ctx: RouteContext) {
  const store = storedOr404(ctx, STORE, 'vector store')
  if (!store) return
  const body = isRecord(ctx.request.json) ? ctx.request.json : {}
  const entries = Array.isArray(body.files)
    ? body.files.filter(isRecord).map((f) => [f.file_id, f.attributes ?? body.attributes])
    : Array.isArray(body.file_ids)
      ? body.file_ids.map((id) => [id, body.attributes])
      : []
  if (entries.length === 0)
    return sendError(ctx.res, 400, "Send 'file_ids' or 'files' (a non-empty array).", { param: 'file_ids' })
  const batch = buildObject(ctx, 'VectorStoreFileBatchObject', { prefix: ['vsfb'] })
  batch.status = 'in_progress'
  const members = collectionAt(ctx.state, batchFilesPath(store.id, batch.id))
  for (const [id, attributes] of entries) {
    const file = attach(ctx, store, id, attributes)
    if (!file) return
    members.set(file.id, file)
  }
  collectionAt(ctx.state, `${STORES}/${enc(store.id)}/file_batches`).set(batch.id, batch)
  refreshBatch(ctx.state, batch)
  refreshStore(ctx.state, store)
  sendJson(ctx.res, 200, batch)
}

/** `GET …/file_batches/{batch_id}`: each retrieval moves the batch's files one step. */
export function getVectorStoreFileBatch(ctx: RouteContext) {
  const store = storedOr404(ctx, STORE, 'vector store')
  const batch = store && storedOr404(ctx, BATCH, 'vector store file batch')
  if (!store || !batch) return
  for (const file of collectionAt(ctx.state, batchFilesPath(store.id, batch.id)).values()) advance(file)
  refreshBatch(ctx.state, batch)
  refreshStore(ctx.state, store)
  const headers: Record<string, string> =
    batch.status === 'in_progress' ? { 'openai-poll-after-ms': POLL_AFTER_MS } : {}
  sendJson(ctx.res, 200, batch, headers)
}

/** `POST …/file_batches/{batch_id}/cancel`: files not yet processed become `cancelled`. */
export function cancelVectorStoreFileBatch(ctx: RouteContext) {
  const store = storedOr404(ctx, STORE, 'vector store')
  const batch = store && storedOr404(ctx, BATCH, 'vector store file batch')
  if (!store || !batch) return
  if (batch.status === 'in_progress') {
    for (const file of collectionAt(ctx.state, batchFilesPath(store.id, batch.id)).values())
      if (file.status === 'in_progress') file.status = 'cancelled'
    batch.status = 'cancelled'
  }
  refreshBatch(ctx.state, batch)
  refreshStore(ctx.state, store)
  sendJson(ctx.res, 200, batch)
}

async function textOf(file: Stored): Promise<string> {
  const path = uploads.get(file)?.path
  if (!path || Number(file.usage_bytes) > MAX_TEXT_BYTES) return ''
  return readFile(path, 'utf8').catch(() => '')
}

/** `GET …/files/{file_id}/content`: the file's text as one part. */
export async function retrieveVectorStoreFileContent(ctx: RouteContext) {
  const file = storedOr404(ctx, STORE, 'vector store') && storedOr404(ctx, FILE, 'vector store file')
  if (!file) return
  const text = await textOf(file)
  sendJson(ctx.res, 200, {
    object: 'vector_store.file_content.page',
    data: text ? [{ type: 'text', text }] : [],
    has_more: false,
    next_page: null,
  })
}

/** `POST /v1/vector_stores/{id}/search`: processed files that contain words of the query, best first. */
export async function searchVectorStore(ctx: RouteContext) {
  const store = storedOr404(ctx, STORE, 'vector store')
  if (!store) return
  const body = isRecord(ctx.request.json) ? ctx.request.json : {}
  const queries = (Array.isArray(body.query) ? body.query : [body.query]).filter((q) => typeof q === 'string')
  if (queries.length === 0)
    return sendError(ctx.res, 400, "Missing required parameter: 'query'.", { param: 'query' })
  const words = queries.join(' ').toLowerCase().split(/\W+/).filter(Boolean)
  const max = typeof body.max_num_results === 'number' ? body.max_num_results : 10
  const results = []
  for (const file of collectionAt(ctx.state, filesPath(store.id)).values()) {
    if (file.status !== 'completed') continue
    const text = await textOf(file)
    const lower = text.toLowerCase()
    const score = words.length ? words.filter((w) => lower.includes(w)).length / words.length : 0
    if (score === 0) continue
    results.push({
      file_id: file.id,
      filename: uploads.get(file)?.filename ?? '',
      score,
      attributes: file.attributes ?? null,
      content: [{ type: 'text', text: text.slice(0, 400) }],
    })
  }
  results.sort((a, b) => b.score - a.score)
  sendJson(ctx.res, 200, {
    object: 'vector_store.search_results.page',
    search_query: queries,
    data: results.slice(0, max),
    has_more: false,
    next_page: null,
  })
}
