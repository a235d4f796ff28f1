// Loaded on first use by `sendMultipart` and `toFile`: a call whose files are all Files or Blobs never needs this code.

import { FileTooLargeError, InvalidUploadError } from './errors'
import { isAsyncIterable, isFileTuple, isObject, isReadableStream, isResponseLike } from './input-kinds'
import { encodeMultipartStream } from './multipart-body'
import { normalizeFile } from './normalize-file'
import { capStreamingFile } from './streaming-file'
import type { FormValue, MultipartBody, MultipartUpload, StreamingFile } from './types'
import { isBlob, isStreamingFile } from './uploadable'

export { normalizeFile } from './normalize-file'

/** A generated stream when a file is no Blob; `undefined` when a `FormData` can carry them all (and be resent). */
export function encodeStream(entries: [string, FormValue][]): MultipartBody | undefined {
  if (entries.some(([, value]) => typeof value !== 'string' && !isBlob(value)))
    return encodeMultipartStream(entries)
}

/**
 * The value of one file field, ready for `formEntries`: each file (one, or each of an array: sent as `field[]`, as
 * openai-node does) normalised by `toFile()`; in a field that takes references, a
 * plain object that is no file (`{ file_id }`) is kept, to be sent as `field[key]` text fields.
 */
export async function resolveField(value: unknown, field: string, upload: MultipartUpload): Promise<unknown> {
  if (Array.isArray(value) && !isFileTuple(value)) {
    const files = []
    for (const item of value) files.push(await resolveFile(item, field, upload))
    return files
  }
  return upload.references?.includes(field) && isReference(value) ? value : resolveFile(value, field, upload)
}

/**
 * Any input, normalised by `toFile()` (a `Blob`/`File` stays as it is: FormData then names a bare Blob `blob`, as
 * with openai-node; `sendMultipart` checks known sizes); a stream of unknown length is stopped at the upload's
 * limit with the same `FileTooLargeError` a known size gets before sending.
 */
async function resolveFile(
  value: unknown,
  field: string,
  upload: MultipartUpload,
): Promise<Blob | StreamingFile> {
  const resolved = await value
  if (resolved == null)
    throw new InvalidUploadError(
      `Missing \`${field}\`: pass a File, Blob, Uint8Array, Response, a named stream or a [filename, contents] tuple.`,
      field,
    )
  const file = isBlob(resolved) ? resolved : await normalizeFile(resolved, undefined, {})
  if (!isStreamingFile(file) || file.size !== undefined || upload.limit === undefined) return file
  return capStreamingFile(file, upload.limit, (size) => fileTooLarge(upload, file.name, size))
}

/** The error for a file of `size` bytes over the upload's limit (`sendMultipart` throws it for a known size). */
export function fileTooLarge({ limit, tooLarge }: MultipartUpload, name: string, size: number) {
  return new FileTooLargeError(tooLarge!(name, size), size, limit!)
}

/** A plain object that is not a file of any kind: an id or URL reference to send as nested text fields. */
function isReference(value: unknown): value is object {
  // A plain prototype rules out Blobs; a StreamingFile is a plain object with a mark.
  const proto = isObject(value) && Object.getPrototypeOf(value)
  return (
    (proto === Object.prototype || proto === null) &&
    !isStreamingFile(value) &&
    !isReadableStream(value) &&
    !isAsyncIterable(value) &&
    !isResponseLike(value) &&
    typeof (value as Blob).arrayBuffer !== 'function'
  )
}

/** The `FileTooLargeError` a capped stream raised, when core reports it as the cause of a failed request. */
export function tooLargeCause(error: unknown): unknown {
  for (let e = error, depth = 0; e && depth < 5; e = (e as any).cause, depth++)
    if (e instanceof FileTooLargeError) return e
  return error
}
