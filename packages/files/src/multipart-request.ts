import { type APIResult, type Client, type RequestOptions, request } from '@acme/openai-core'
import { FileTooLargeError, InvalidUploadError } from './errors'
import { formEntries } from './form-entries'
import { encodeMultipart } from './multipart-body'
import { capStreamingFile } from './streaming-file'
import { toFile } from './to-file'
import { isBlob, isStreamingFile, type StreamingFile, type Uploadable } from './uploadable'

/** How one multipart upload call names and limits its file field. */
export interface MultipartUpload {
  path: string
  /** The form field holding the file (`file`, `data`). */
  field: string
  params: Record<string, unknown>
  limit: number
  /** The error text for a file over `limit`, given its size. */
  tooLarge: (name: string, size: number) => string
}

/**
 * Resolves a file param for a multipart form: a `Blob`/`File` stays as it is (a bare Blob is then named `blob` by
 * FormData, as with openai-node), everything else goes through `toFile()`.
 */
export async function resolveUploadable(value: unknown, field: string): Promise<Blob | StreamingFile> {
  const resolved = await value
  if (resolved == null)
    throw new InvalidUploadError(
      `Missing \`${field}\`: pass a File, Blob, Uint8Array, Response, a named stream or a [filename, contents] tuple.`,
      field,
    )
  return isBlob(resolved) ? resolved : toFile(resolved as Uploadable)
}

/**
 * Sends a multipart upload through core: checks the file against the limit before any byte goes out (or, for a
 * stream of unknown length, stops it at the limit with the same `FileTooLargeError`).
 */
export async function sendMultipart<T>(
  client: Client,
  upload: MultipartUpload,
  options: RequestOptions | undefined,
): Promise<APIResult<T>> {
  let file = await resolveUploadable(upload.params[upload.field], upload.field)
  const name = 'name' in file && typeof file.name === 'string' ? file.name : 'blob'
  if (file.size !== undefined && file.size > upload.limit)
    throw new FileTooLargeError(upload.tooLarge(name, file.size), file.size, upload.limit)
  if (isStreamingFile(file) && file.size === undefined)
    file = capStreamingFile(
      file,
      upload.limit,
      (size) => new FileTooLargeError(upload.tooLarge(name, size), size, upload.limit),
    )
  const { body, contentType } = encodeMultipart(formEntries({ ...upload.params, [upload.field]: file }))
  try {
    return await request<T>(client, {
      ...options,
      method: 'post',
      path: upload.path,
      body,
      operationHeaders: contentType ? { 'content-type': contentType } : undefined,
      // Node's fetch (undici) tees the body of a request it may redirect and keeps the unread branch, so every byte
      // sent stays in memory (nodejs/undici#4058); an upload is never redirected, and this keeps memory flat.
      fetchOptions: { redirect: 'error', window: null, ...options?.fetchOptions },
    }).withResponse()
  } catch (error) {
    throw causeOfType(error, FileTooLargeError) ?? error
  }
}

function causeOfType<E>(error: unknown, type: abstract new (...args: any[]) => E): E | undefined {
  for (let e = error, depth = 0; e && depth < 5; e = (e as any).cause, depth++)
    if (e instanceof type) return e
  return undefined
}
