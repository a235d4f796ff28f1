import type { RelayedStreamSource } from '@acme/openai-core'
import { _relayedEvents } from '@acme/openai-core/internal'
import { _chatCompletionStream, type ChatCompletionStream } from './stream-chat-completion'
import type { ParseInputs } from './structured-output'
import type { ChatCompletionChunk } from './types/chat-completion-chunk'
import type { ExtractParsedContent } from './types/parsed-chat-completion'

/** Options of `streamRelayedChatCompletion`. */
export interface RelayedChatCompletionStreamOptions<Params extends ParseInputs = ParseInputs> {
  /** Aborting it stops reading: `done()` and the `final*()` methods reject with `APIUserAbortError`. */
  signal?: AbortSignal | null
  /**
   * The request's `response_format` and `tools` (the server's, or the same definitions), so `content.done`, the
   * tool-call events and the final completion carry `parsed` values. Nothing is parsed without them.
   */
  params?: Params
}

/**
 * The `streamChatCompletion` helper over a stream your own server relays, so a browser that holds no key gets the
 * same events, iteration and `final*()` results. `source` is the relay's `Response` (or the promise `fetch`
 * returns): read as server-sent events when its content type is `text/event-stream` (a proxy passing the API's
 * stream through), else as newline-delimited JSON (what `toReadableStream()` writes); or a `ReadableStream` of
 * that JSON. An error status from the relay rejects with the matching `APIError`.
 *
 * @example
 * // On the server: return new Response((await createChatCompletion(client, { ...body, stream: true })).toReadableStream())
 * const stream = streamRelayedChatCompletion(fetch('/api/chat', { method: 'POST', body }))
 *   .on('content.delta', ({ delta }) => append(delta))
 * console.log(await stream.finalContent())
 */
export function streamRelayedChatCompletion<Params extends ParseInputs = ParseInputs>(
  source: RelayedStreamSource | Promise<RelayedStreamSource>,
  options?: RelayedChatCompletionStreamOptions<Params>,
): ChatCompletionStream<ExtractParsedContent<Params>> {
  return _chatCompletionStream(
    async (controller) => _relayedEvents<ChatCompletionChunk>(await source, controller),
    options?.params ?? {},
    options?.signal,
  )
}
