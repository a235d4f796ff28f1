import type { FileTuple } from './types'

/** Any object (`null` and functions excluded), to read properties from. */
export function isObject(value: unknown): value is Record<PropertyKey, any> {
  return typeof value === 'object' && value !== null
}

/** A Blob from another implementation (it has the Blob methods but is not this realm's `Blob`). */
export function isBlobLike(value: unknown): value is Blob {
  return (
    isObject(value) &&
    typeof value.size === 'number' &&
    typeof value.type === 'string' &&
    typeof value.slice === 'function' &&
    typeof value.arrayBuffer === 'function'
  )
}

/** A `Response` or something shaped like one (a `url` and a `blob()`). */
export function isResponseLike(value: unknown): value is Response {
  return isObject(value) && typeof value.url === 'string' && typeof value.blob === 'function'
}

/** A web `ReadableStream` from any realm. */
export function isReadableStream(value: unknown): value is ReadableStream {
  return isObject(value) && typeof value.getReader === 'function'
}

/** Any async iterable (Node streams included). */
export function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return isObject(value) && typeof value[Symbol.asyncIterator] === 'function'
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
