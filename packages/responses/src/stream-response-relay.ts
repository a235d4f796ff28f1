import type { RelayedStreamSource } from '@acme/openai-core'
import { _relayedEvents } from '@acme/openai-core/internal'
import type { ResponseStreamEvent } from './generated/types'
import { _responseStream, type ResponseStream } from './stream-response'

/** Options of `streamRelayedResponse`. */
export interface RelayedResponseStreamOptions {
  /** Aborting it stops reading: `done()` and `finalResponse()` reject with `APIUserAbortError`. */
  signal?: AbortSignal | null
}

/**
 * The `streamResponse` helper over a stream your own server relays, so a browser that holds no key gets the same
 * typed listeners, snapshots, iteration and `finalResponse()`. `source` is the relay's `Response` (or the promise
 * `fetch` returns): read as server-sent events when its content type is `text/event-stream` (a proxy passing the
 * API's stream through), else as newline-delimited JSON (what `toReadableStream()` writes); or a `ReadableStream`
 * of that JSON. An error status from the relay rejects with the matching `APIError`.
 *
 * @example
 * // On the server: return new Response((await createResponse(client, { ...body, stream: true })).toReadableStream())
 * const stream = streamRelayedResponse(fetch('/api/respond', { method: 'POST', body }))
 *   .on('response.output_text.delta', (e) => append(e.delta))
 * console.log((await stream.finalResponse()).output_text)
 */
export function streamRelayedResponse(
  source: RelayedStreamSource | Promise<RelayedStreamSource>,
  options?: RelayedResponseStreamOptions,
): ResponseStream {
  return _responseStream(
    async (controller) => _relayedEvents<ResponseStreamEvent>(await source, controller),
    options?.signal,
  )
}
