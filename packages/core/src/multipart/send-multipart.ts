import type { APIResult } from '../api-promise'
import type { Client } from '../client'
import { type RequestOptions, request } from '../request'
import { fileNameOf, formData } from './form-data-body'
import { formEntries } from './form-entries'
import type { MultipartBody, MultipartUpload } from './types'
import { isBlob } from './uploadable'

/**
 * Sends a multipart call through core, checking every file against the limit before any byte goes out. Files and
 * Blobs go in a `FormData` right away; any other input (bytes, streams, tuples, several files, a reference object)
 * loads the normalising and streaming code first (a separate chunk).
 */
export async function sendMultipart<T>(
  client: Client,
  upload: MultipartUpload,
  options: RequestOptions | undefined,
): Promise<APIResult<T>> {
  const params = { ...upload.params }
  let lazy: typeof import('./streaming-upload') | undefined
  for (const name of upload.files) {
    // A trailing `?` marks an optional file field (`mask?`).
    const field = name.replace('?', '')
    let value = (params[field] = await params[field])
    if (!isBlob(value) && (value !== undefined || field === name))
      value = params[field] = await (lazy ??= await import('./streaming-upload')).resolveField(
        value,
        field,
        upload,
      )
    // Only a known size over a set limit is refused (`undefined > n`, `n > undefined` are false); the error, a rare
    // path, loads with the upload code. An absent optional file is `undefined`, hence `?.`.
    for (const file of [value].flat() as Blob[])
      if (file?.size > upload.limit!)
        throw (await import('./streaming-upload')).fileTooLarge(upload, fileNameOf(file) ?? 'blob', file.size)
  }
  const entries = formEntries(params)
  const { body, contentType }: Partial<MultipartBody> = lazy?.encodeStream(entries) ?? {
    body: formData(entries as [string, string | Blob][]),
  }
  try {
    return await request<T>(client, {
      ...options,
      operation: upload.operation,
      params: upload.params,
      method: 'post',
      path: upload.path,
      body,
      stream: upload.stream,
      operationHeaders: contentType ? { 'content-type': contentType } : undefined,
      fetchOptions: { ...nodeUploadOptions(), ...options?.fetchOptions },
    }).withResponse()
  } catch (error) {
    throw lazy?.tooLargeCause(error) ?? error
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
