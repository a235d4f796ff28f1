import { createReadStream, createWriteStream, type WriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { buildChatCompletion } from '../chat/build-chat-completion'
import { isRecord } from '../is-record'
import { nextId } from '../mock-state'
import { sendError, sendJson } from '../reply'
import { buildResponse } from '../responses/build-response'
import type { RouteContext } from '../route'
import { storageDir } from '../routes/file-storage'
import { addStoredFile, fileStore } from '../routes/files'
import { embeddingBody, moderationBody } from './computations'
import { buildObject, collectionAt, type Stored, setStatus, storedOr404 } from './resources'

const BATCHES = '/v1/batches'
const ENDPOINTS = [
  '/v1/responses',
  '/v1/chat/completions',
  '/v1/embeddings',
  '/v1/completions',
  '/v1/moderations',
]
/** How long the mock tells pollers to wait between retrievals of an unfinished object. */
export const POLL_AFTER_MS = '20'

/** `POST /v1/batches`: needs a known input file of purpose `batch`; starts `validating`. */
export function createBatch(ctx: RouteContext) {
  const body = isRecord(ctx.request.json) ? ctx.request.json : {}
  const input = fileStore(ctx.state).get(String(body.input_file_id))
  if (!input)
    return sendError(ctx.res, 400, `Invalid 'input_file_id': no file '${body.input_file_id}' was uploaded.`, {
      param: 'input_file_id',
    })
  if (input.file.purpose !== 'batch')
    return sendError(ctx.res, 400, "The input file must be uploaded with purpose 'batch'.", {
      param: 'input_file_id',
    })
  if (typeof body.endpoint !== 'string' || !ENDPOINTS.includes(body.endpoint))
    return sendError(ctx.res, 400, `Invalid 'endpoint': expected one of ${ENDPOINTS.join(', ')}.`, {
      param: 'endpoint',
    })
  if (body.completion_window !== '24h')
    return sendError(ctx.res, 400, "Invalid 'completion_window': expected '24h'.", {
      param: 'completion_window',
    })
  const batch = buildObject(ctx, 'Batch', { prefix: ['batch'], body })
  batch.status = 'validating'
  batch.expires_at = (batch.created_at as number) + 24 * 3600
  batch.request_counts = { total: 0, completed: 0, failed: 0 }
  if (batch.metadata === null) batch.metadata = {}
  collectionAt(ctx.state, BATCHES).set(batch.id, batch)
  sendJson(ctx.res, 200, batch, { 'openai-poll-after-ms': POLL_AFTER_MS })
}

/**
 * `GET /v1/batches/{id}`: each retrieval moves the batch one step: `validating` → `in_progress` → `completed` (with
 * an output file holding one response per input line), or `cancelling` → `cancelled`.
 */
export async function retrieveBatch(ctx: RouteContext) {
  const batch = storedOr404(ctx, '/v1/batches/:batch_id', 'batch')
  if (!batch) return
  if (batch.status === 'validating') {
    setStatus('Batch', batch, 'in_progress')
    batch.request_counts = { total: await countLines(ctx, batch), completed: 0, failed: 0 }
  } else if (batch.status === 'in_progress') await completeBatch(ctx, batch)
  else if (batch.status === 'cancelling') setStatus('Batch', batch, 'cancelled')
  const done = ['completed', 'failed', 'expired', 'cancelled'].includes(String(batch.status))
  sendJson(ctx.res, 200, batch, done ? {} : { 'openai-poll-after-ms': POLL_AFTER_MS })
}

/** The non-empty lines of the batch's input file: its request count once validated. */
async function countLines(ctx: RouteContext, batch: Stored): Promise<number> {
  const input = fileStore(ctx.state).get(String(batch.input_file_id))
  let count = 0
  if (input)
    for await (const text of createInterface({ input: createReadStream(input.path), crlfDelay: Infinity }))
      if (text.trim()) count++
  return count
}

/** `POST /v1/batches/{id}/cancel`: `cancelling` (then `cancelled` on the next retrieval); 409 once finished. */
export function cancelBatch(ctx: RouteContext) {
  const batch = storedOr404(ctx, '/v1/batches/:batch_id', 'batch')
  if (!batch) return
  if (batch.status !== 'validating' && batch.status !== 'in_progress')
    return sendError(ctx.res, 409, `Cannot cancel a batch with status '${batch.status}'.`)
  setStatus('Batch', batch, 'cancelling')
  sendJson(ctx.res, 200, batch)
}

/** The body the real endpoint would answer for one batch line. */
function answerFor(ctx: RouteContext, url: string, body: Record<string, unknown>): unknown {
  const newId = (prefix: string, separator?: string) => nextId(ctx.state, prefix, separator)
  if (url === '/v1/responses') return buildResponse(body, newId).final
  if (url === '/v1/chat/completions') return buildChatCompletion(body, newId).completion
  if (url === '/v1/embeddings') return embeddingBody(body)
  if (url === '/v1/moderations') return moderationBody(ctx, body)
  return buildObject(ctx, 'CreateCompletionResponse', { prefix: ['cmpl', '-'], body })
}

function lineProblem(line: Record<string, unknown> | null, endpoint: unknown): string | null {
  if (!line) return 'The line is not a JSON object.'
  if (typeof line.custom_id !== 'string') return "Missing 'custom_id'."
  if (line.url !== endpoint) return `The line's url must be the batch endpoint ${endpoint}.`
  if (!isRecord(line.body) || typeof line.body.model !== 'string') return "The line's body needs a 'model'."
  if (endpoint === '/v1/chat/completions' && !Array.isArray(line.body.messages))
    return "The line's body needs 'messages'."
  return null
}

const write = (out: WriteStream, text: string) =>
  out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', resolve))
const finish = (out: WriteStream) => new Promise<void>((resolve) => out.end(resolve))

async function completeBatch(ctx: RouteContext, batch: Stored): Promise<void> {
  const input = fileStore(ctx.state).get(String(batch.input_file_id))
  const dir = storageDir(ctx.state)
  const outPath = join(dir, `${batch.id}_output.jsonl`)
  const errPath = join(dir, `${batch.id}_error.jsonl`)
  const out = createWriteStream(outPath)
  const err = createWriteStream(errPath)
  const counts = { total: 0, completed: 0, failed: 0 }
  const bytes = { out: 0, err: 0 }
  if (input) {
    for await (const text of createInterface({ input: createReadStream(input.path), crlfDelay: Infinity })) {
      if (!text.trim()) continue
      counts.total++
      let line: Record<string, unknown> | null = null
      try {
        const parsed = JSON.parse(text)
        line = isRecord(parsed) ? parsed : null
      } catch {}
      const problem = lineProblem(line, batch.endpoint)
      const id = nextId(ctx.state, 'batch_req')
      const customId = typeof line?.custom_id === 'string' ? line.custom_id : null
      if (problem) {
        counts.failed++
        const row = `${JSON.stringify({ id, custom_id: customId, response: null, error: { code: 'invalid_request', message: problem } })}\n`
        bytes.err += Buffer.byteLength(row)
        await write(err, row)
        continue
      }
      counts.completed++
      const body = answerFor(ctx, String(line!.url), line!.body as Record<string, unknown>)
      const response = { status_code: 200, request_id: id.replace('batch_req', 'req'), body }
      const row = `${JSON.stringify({ id, custom_id: customId, response, error: null })}\n`
      bytes.out += Buffer.byteLength(row)
      await write(out, row)
    }
  }
  await Promise.all([finish(out), finish(err)])
  batch.request_counts = counts
  if (counts.completed > 0 || counts.failed === 0) {
    const file = await addStoredFile(ctx.state, {
      filename: `${batch.id}_output.jsonl`,
      purpose: 'batch_output',
      bytes: bytes.out,
      path: outPath,
    })
    batch.output_file_id = file.id
  } else await rm(outPath, { force: true })
  if (counts.failed > 0) {
    const file = await addStoredFile(ctx.state, {
      filename: `${batch.id}_error.jsonl`,
      purpose: 'batch_output',
      bytes: bytes.err,
      path: errPath,
    })
    batch.error_file_id = file.id
  } else await rm(errPath, { force: true })
  setStatus('Batch', batch, 'finalizing')
  setStatus('Batch', batch, counts.completed === 0 && counts.failed > 0 ? 'failed' : 'completed')
}
