import { stringifyQuery } from './query'

/** A request body ready for `fetch`, with the content type core should set and whether it can be sent twice. */
export interface EncodedBody {
  body: BodyInit | undefined
  contentType: string | undefined
  /** A one-shot stream: never retried, never replayed after a 401. */
  streaming: boolean
}

/**
 * Encodes a request body: binary, `Blob`, `FormData`, `URLSearchParams` and streams go as they are (fetch sets their
 * content type); async iterables become streams; a string goes verbatim when the caller set a content type; a
 * plain object goes as form fields under `application/x-www-form-urlencoded`; anything else is JSON.
 */
export function encodeBody(value: unknown, contentType: string | undefined): EncodedBody {
  if (value === undefined || value === null)
    return { body: undefined, contentType: undefined, streaming: false }
  if (
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value) ||
    (typeof Blob !== 'undefined' && value instanceof Blob) ||
    (typeof FormData !== 'undefined' && value instanceof FormData) ||
    value instanceof URLSearchParams
  )
    return { body: value as BodyInit, contentType: undefined, streaming: false }
  if (typeof ReadableStream !== 'undefined' && value instanceof ReadableStream)
    return { body: value, contentType: undefined, streaming: true }
  if (typeof value === 'string' && contentType)
    return { body: value, contentType: undefined, streaming: false }
  if (typeof value === 'object' && Symbol.asyncIterator in value)
    return {
      body: iterableToStream(value as AsyncIterable<unknown>),
      contentType: undefined,
      streaming: true,
    }
  if (contentType?.startsWith('application/x-www-form-urlencoded'))
    return {
      body: stringifyQuery(value as Record<string, unknown>),
      contentType: undefined,
      streaming: false,
    }
  return { body: JSON.stringify(value), contentType: 'application/json', streaming: false }
}

function iterableToStream(iterable: AsyncIterable<unknown>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let iterator: AsyncIterator<unknown>
  return new ReadableStream({
    start() {
      iterator = iterable[Symbol.asyncIterator]()
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
