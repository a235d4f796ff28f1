import type { FileTuple } from './types'

/** A Blob from another implementation (it has the Blob methods but is not this realm's `Blob`). */
export function isBlobLike(value: unknown): value is Blob {
  const v = value as any
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.size === 'number' &&
    typeof v.type === 'string' &&
    typeof v.slice === 'function' &&
    typeof v.arrayBuffer === 'function'
  )
}

/** A `Response` or something shaped like one (a `url` and a `blob()`). */
export function isResponseLike(value: unknown): value is Response {
  const v = value as any
  return typeof v === 'object' && v !== null && typeof v.url === 'string' && typeof v.blob === 'function'
}

/** A web `ReadableStream` from any realm. */
export function isReadableStream(value: unknown): value is ReadableStream {
  return typeof value === 'object' && value !== null && typeof (value as any).getReader === 'function'
}

/** Any async iterable (Node streams included). */
export function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return (
    typeof value === 'object' && value !== null && typeof (value as any)[Symbol.asyncIterator] === 'function'
  )
}

/** An `ArrayBuffer` from any realm (`instanceof` fails across realms; the `byteLength` getter does not). */
export function isArrayBuffer(value: unknown): value is ArrayBuffer {
  if (value instanceof ArrayBuffer) return true
  try {
    return (
      Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength')?.get?.call(value) !== undefined
    )
  } catch {
    return false
  }
}

/** A `[filename, contents, mimeType?]` tuple. */
export function isFileTuple(value: unknown): value is FileTuple {
  return (
    Array.isArray(value) &&
    (value.length === 2 || value.length === 3) &&
    typeof value[0] === 'string' &&
    (value[2] === undefined || typeof value[2] === 'string')
  )
}
