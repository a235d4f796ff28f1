import { APIUserAbortError, type Client, type RequestOptions } from '@acme/openai-core'
import { isBlob, isStreamingFile, toFile, type Uploadable } from '@acme/openai-core/multipart'
import { addUploadPart } from './add-upload-part'
import { cancelUpload } from './cancel-upload'
import { completeUpload } from './complete-upload'
import { createUpload } from './create-upload'
import { FileTooLargeError, InvalidUploadError } from './errors'
import { MAX_PART_BYTES, MAX_UPLOAD_BYTES } from './limits'
import { blobParts, type PartReader, streamParts } from './part-reader'
import { requirePurpose } from './require-purpose'
import type { ExpiresAfter, FilePurpose, Upload } from './types'

/** Params of `uploadLargeFile`. */
export interface UploadLargeFileParams {
  /** A File/Blob (sliced, never copied), or a stream of known size (`toFile(stream, name, { size })`). */
  file: Uploadable | PromiseLike<Uploadable>
  purpose: FilePurpose
  /** The `mime_type` the API checks against the purpose; defaults to the file's own type. */
  mimeType?: string
  /** Defaults to the file's name. */
  filename?: string
  expires_after?: ExpiresAfter
  /** Bytes per part, 1 to 64 MB (the default). */
  partSize?: number
  /** Parts in flight at once (default 3). Stream sources buffer up to `concurrency × partSize` bytes. */
  concurrency?: number
  /** Called after each part is stored, with the bytes stored so far and the total. */
  onProgress?: (bytesSent: number, total: number) => void
  /** Aborting stops the parts in flight and cancels the upload. */
  signal?: AbortSignal | null
  /** MD5 (hex) of the whole file, checked by the API on completion. */
  md5?: string
}

const DEFAULT_CONCURRENCY = 3

/**
 * Uploads a file of up to 8 GB through the Uploads API: creates the upload, sends the parts with at most
 * `concurrency` in flight, completes it with the part ids in order and returns the completed upload (its `file` is
 * the usable file). Everything is checked before the first byte is sent (sizes over 8 GB, a `partSize` outside
 * 1 B..64 MB, a missing purpose or MIME type). Each part is a Blob, so core retries a failed part alone (honouring
 * `maxRetries` and `retry-after`) while the other parts carry on; when a part still fails, or on abort, the parts
 * in flight are stopped, the upload is cancelled on the server, and the error is thrown.
 *
 * @example const upload = await uploadLargeFile(client, { file, purpose: 'batch', mimeType: 'text/jsonl', onProgress: (n, total) => console.log(n / total) })
 */
export async function uploadLargeFile(
  client: Client,
  params: UploadLargeFileParams,
  options?: RequestOptions,
): Promise<Upload> {
  if (typeof params !== 'object' || params === null)
    throw new InvalidUploadError('uploadLargeFile needs params: { file, purpose, mimeType }', 'params')
  const { purpose, partSize = MAX_PART_BYTES, concurrency = DEFAULT_CONCURRENCY, onProgress } = params
  requirePurpose(purpose)
  if (!Number.isSafeInteger(partSize) || partSize < 1 || partSize > MAX_PART_BYTES)
    throw new InvalidUploadError(
      `partSize must be a whole number of bytes from 1 to ${MAX_PART_BYTES} (64 MB), got ${String(partSize)}`,
      'partSize',
    )
  if (!Number.isSafeInteger(concurrency) || concurrency < 1)
    throw new InvalidUploadError(
      `concurrency must be a whole number >= 1, got ${String(concurrency)}`,
      'concurrency',
    )
  if (onProgress !== undefined && typeof onProgress !== 'function')
    throw new InvalidUploadError('onProgress must be a function (bytesSent, total) => void', 'onProgress')
  const signals = [params.signal, options?.signal].filter((s): s is AbortSignal => !!s)
  const aborted = signals.find((s) => s.aborted)
  if (aborted) throw new APIUserAbortError({ cause: aborted.reason })

  const value = await params.file
  if (value == null)
    throw new InvalidUploadError('Missing `file`: pass a File, Blob, a sized stream or a path.', 'file')
  const file = isBlob(value) ? value : await toFile(value)
  const name = params.filename ?? ('name' in file && typeof file.name === 'string' ? file.name : '')
  if (!name)
    throw new InvalidUploadError(
      'This Blob has no file name: pass `filename` (e.g. "data.jsonl").',
      'filename',
    )
  const size = file.size
  if (size === undefined)
    throw new InvalidUploadError(
      `uploadLargeFile needs the size of '${name}' before sending: pass a File/Blob, ` +
        "toFile(stream, name, { size }), or a path through '@acme/openai-files/node'.",
      'file',
    )
  if (size > MAX_UPLOAD_BYTES)
    throw new FileTooLargeError(
      `'${name}' is ${size} bytes, over the 8 GB (${MAX_UPLOAD_BYTES} bytes) limit of the Uploads API.`,
      size,
      MAX_UPLOAD_BYTES,
    )
  const mimeType = params.mimeType ?? file.type
  if (typeof mimeType !== 'string' || !mimeType)
    throw new InvalidUploadError(
      `Pass \`mimeType\` for '${name}' (e.g. 'text/jsonl' for a batch or fine-tune file): the Uploads API requires it.`,
      'mimeType',
    )

  const upload = await createUpload(
    client,
    { filename: name, purpose, bytes: size, mime_type: mimeType, expires_after: params.expires_after },
    { ...options, signal: signals.length ? anySignal(signals) : options?.signal },
  )
  const parts: PartReader = isStreamingFile(file)
    ? streamParts(file, size, partSize)
    : blobParts(file, partSize)
  return sendParts(
    client,
    upload,
    parts,
    { size, partSize, concurrency, onProgress, signals, md5: params.md5 },
    options,
  )
}

async function sendParts(
  client: Client,
  upload: Upload,
  parts: PartReader,
  plan: {
    size: number
    partSize: number
    concurrency: number
    onProgress: ((bytesSent: number, total: number) => void) | undefined
    signals: AbortSignal[]
    md5: string | undefined
  },
  options: RequestOptions | undefined,
): Promise<Upload> {
  const count = Math.ceil(plan.size / plan.partSize)
  const stop = new AbortController()
  let failure: { error: unknown } | undefined
  const fail = (error: unknown) => {
    failure ??= { error }
    stop.abort(error)
  }
  const onAbort = (event: Event) =>
    fail(new APIUserAbortError({ cause: (event.target as AbortSignal | null)?.reason }))
  for (const s of plan.signals) s.addEventListener('abort', onAbort, { once: true })
  const abortedMeanwhile = plan.signals.find((s) => s.aborted)
  if (abortedMeanwhile) fail(new APIUserAbortError({ cause: abortedMeanwhile.reason }))
  // Release the source at once: a worker waiting on a slow stream must not hold the failure back.
  stop.signal.addEventListener('abort', () => void parts.close(), { once: true })
  const callOptions = { ...options, signal: stop.signal }
  const partIds: string[] = []
  let next = 0
  let sent = 0

  const worker = async () => {
    while (!failure) {
      const index = next++
      if (index >= count) return
      const data = await parts.read(index)
      if (failure) return
      const part = await addUploadPart(client, upload.id, { data }, callOptions)
      partIds[index] = part.id
      sent += data.size
      plan.onProgress?.(sent, plan.size)
    }
  }

  try {
    await Promise.all(Array.from({ length: Math.min(plan.concurrency, count) }, () => worker().catch(fail)))
    if (!failure)
      return await completeUpload(client, upload.id, { part_ids: partIds, md5: plan.md5 }, callOptions)
  } catch (error) {
    fail(error)
  } finally {
    for (const s of plan.signals) s.removeEventListener('abort', onAbort)
    await parts.close()
  }
  // Best effort: the caller's error matters more than a failed cancel.
  await cancelUpload(client, upload.id, { ...options, signal: undefined }).catch(() => {})
  throw failure!.error
}

/** One signal that aborts when any of `signals` does. */
function anySignal(signals: AbortSignal[]): AbortSignal {
  if (signals.length === 1) return signals[0]
  const controller = new AbortController()
  for (const s of signals) s.addEventListener('abort', () => controller.abort(s.reason), { once: true })
  return controller.signal
}
