import { type APIResult, type Client, type RequestOptions, request } from '@acme/openai-core'
import { FileTooLargeError } from './errors'
import { fileNameOf, formData, type MultipartBody } from './form-data-body'
import { formEntries } from './form-entries'
import { isBlob, type StreamingFile } from './uploadable'

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

/** Throws `FileTooLargeError` when a file of known size is over the upload's limit. */
export function checkFileSize(upload: MultipartUpload, file: Blob | StreamingFile): void {
  if (file.size !== undefined && file.size > upload.limit)
    throw new FileTooLargeError(
      upload.tooLarge(fileNameOf(file) ?? 'blob', file.size),
      file.size,
      upload.limit,
    )
}

/**
 * Sends a multipart upload through core, checking the file against the limit before any byte goes out. A File or
 * Blob goes in a `FormData` right away; any other input loads the streaming encoder first (a separate chunk).
 */
export async function sendMultipart<T>(
  client: Client,
  upload: MultipartUpload,
  options: RequestOptions | undefined,
): Promise<APIResult<T>> {
  const value = await upload.params[upload.field]
  const lazy = isBlob(value) ? undefined : await import('./streaming-upload')
  const file = lazy ? await lazy.uploadFileFrom(value, upload) : (value as Blob)
  checkFileSize(upload, file)
  const entries = formEntries({ ...upload.params, [upload.field]: file })
  const { body, contentType }: MultipartBody =
    lazy && !isBlob(file)
      ? lazy.encodeMultipartStream(entries)
      : { body: formData(entries as [string, string | Blob][]), contentType: undefined }
  try {
    return await request<T>(client, {
      ...options,
      method: 'post',
      path: upload.path,
      body,
      operationHeaders: contentType ? { 'content-type': contentType } : undefined,
      fetchOptions: { ...nodeUploadOptions(), ...options?.fetchOptions },
    }).withResponse()
  } catch (error) {
    throw lazy ? lazy.tooLargeCause(error) : error
  }
}

/**
 * Node's fetch (undici) tees the body of a request it could redirect and keeps the unread branch, so every byte sent
 * stays in memory (nodejs/undici#4058); `redirect: 'error'` with `window: null` skips that copy (an upload is never
 * redirected). Node only: workerd refuses `redirect: 'error'`, and the other runtimes need no help.
 */
function nodeUploadOptions(): RequestInit | undefined {
  const g = globalThis as any
  if (g.process?.release?.name === 'node' && !(g.Bun || g.Deno || g.WebSocketPair))
    return { redirect: 'error', window: null }
}
