import { stringifyQuery } from './query'

/** A request body ready for `fetch`, with the content type core should set and whether it can be sent twice. */
export interface EncodedBody {
  body: BodyInit | undefined
  contentType: string | undefined
  /** A stream that can be read once: never retried, never replayed after a 401. */
  oneShot: boolean
}

/**
 * Encodes a request body: binary, `Blob`, `FormData`, `URLSearchParams` and streams go as they are (fetch sets their
 * content type); iterables other than arrays (async or not, e.g. a generator of byte chunks) become streams; a string goes verbatim when the caller set a content type; a
 * plain object goes as form fields under `application/x-www-form-urlencoded`; anything else is JSON.
 */
export function encodeBody(value: unknown, contentType: string | undefined): EncodedBody {
  let body: any = value ?? undefined
  let type: string | undefined
  let oneShot = false
  if (
    value == null ||
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value) ||
    (typeof Blob !== 'undefined' && value instanceof Blob) ||
    (typeof FormData !== 'undefined' && value instanceof FormData) ||
    value instanceof URLSearchParams ||
    (typeof value === 'string' && contentType)
  ) {
    // Sent as it is; fetch sets the content type of binary and form values.
  } else if (typeof ReadableStream !== 'undefined' && value instanceof ReadableStream) oneShot = true
  else if (
    typeof value === 'object' &&
    !Array.isArray(value) &&
    (Symbol.asyncIterator in value || Symbol.iterator in value)
  ) {
    body = iterableToStream(value as AsyncIterable<unknown> | Iterable<unknown>)
    oneShot = true
  } else if (contentType?.startsWith('application/x-www-form-urlencoded'))
    body = stringifyQuery(value as Record<string, unknown>)
  else {
    body = JSON.stringify(value)
    type = 'application/json'
  }
  return { body, contentType: type, oneShot }
}

function iterableToStream(iterable: AsyncIterable<unknown> | Iterable<unknown>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let iterator: AsyncIterator<unknown> | Iterator<unknown>
  return new ReadableStream({
    start() {
      iterator =
        Symbol.asyncIterator in iterable ? iterable[Symbol.asyncIterator]() : iterable[Symbol.iterator]()
    },
    async pull(controller) {
      const { value, done } = await iterator.next()
      if (done) controller.close()
      else controller.enqueue(typeof value === 'string' ? encoder.encode(value) : (value as Uint8Array))
    },
    async cancel() {
      await iterator.return?.()
    },
  })
}
