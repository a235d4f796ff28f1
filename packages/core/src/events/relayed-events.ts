import { makeAPIError } from '../errors'

/** A stream body your own server relays: its `Response` (SSE or NDJSON) or a `ReadableStream` of NDJSON. */
export type RelayedStreamSource = Response | ReadableStream<Uint8Array>

/**
 * The events of a relayed stream, read with `controller`. A `Response` whose content type is
 * `text/event-stream` is read as server-sent events (a proxy passing the API's stream through); anything else,
 * and a bare `ReadableStream`, as newline-delimited JSON (what `toReadableStream()` writes). A `Response` with an
 * error status throws the matching `APIError`, its JSON `error` object included. The decoders load on first use,
 * as for `request()`, so this costs an app that never relays nothing.
 * @internal
 */
export async function _relayedEvents<T>(
  source: RelayedStreamSource,
  controller: AbortController,
): Promise<AsyncIterable<T>> {
  const { Stream } = await import('../sse/stream')
  if (typeof (source as ReadableStream).getReader === 'function')
    return Stream.fromReadableStream<T>(source as ReadableStream<Uint8Array>, controller)
  const response = source as Response
  if (!response.ok) {
    const text = await response.text().catch(() => '')
    let body: any
    try {
      body = JSON.parse(text)
    } catch {}
    const error = body?.error ?? body
    throw makeAPIError(
      response.status,
      typeof error === 'object' ? error : undefined,
      typeof error?.message === 'string' ? error.message : text.slice(0, 200) || undefined,
      response.headers,
    )
  }
  return /^text\/event-stream/i.test(response.headers.get('content-type') ?? '')
    ? Stream.fromSSEResponse<T>(response, controller)
    : Stream.fromReadableStream<T>(response.body!, controller)
}
