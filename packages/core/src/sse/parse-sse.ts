import { _createLineSplitter } from './line-decoder'
import { _createSSEParser, type ServerSentEvent } from './sse-decoder'

/** Turns body chunks into server-sent events, a whole chunk at a time. */
export interface _SSEStreamDecoder {
  /** Adds a chunk; returns the events it completes, in order. */
  decode(chunk: Uint8Array | ArrayBuffer | string | null | undefined): ServerSentEvent[]
  /** Ends the input; returns what was pending (an unterminated last line, an event without its blank line). */
  flush(): ServerSentEvent[]
}

/**
 * Creates a chunk-to-events decoder: a line splitter feeding an SSE parser, with no string made per line
 * that is not kept. Decoding a whole chunk at once keeps the per-event cost to plain calls.
 * @internal
 */
// @__NO_SIDE_EFFECTS__
export function _createSSEStreamDecoder(maxEventSize?: number): _SSEStreamDecoder {
  let events: ServerSentEvent[] = []
  const parser = _createSSEParser(
    (event, data, raw) => {
      events.push({ event, data, raw })
    },
    true,
    maxEventSize,
  )
  const lines = _createLineSplitter(parser.line, undefined, maxEventSize)
  const take = (): ServerSentEvent[] => {
    const found = events
    events = []
    return found
  }
  return {
    decode(chunk) {
      lines.push(chunk)
      return take()
    },
    flush() {
      lines.end()
      parser.end()
      return take()
    },
  }
}

/**
 * Reads server-sent events from a body (a `ReadableStream`, such as `response.body`, or any async
 * iterable of bytes). An event not followed by a blank line at the end of the body is still delivered.
 * Stopping early (`break`, `return()`) cancels the body and releases its reader. A line or event longer than
 * `maxEventSize` characters (default 64 Mi) fails the iteration.
 *
 * @example
 * for await (const { event, data } of parseSSE(response.body!)) console.log(event, data)
 */
export async function* parseSSE(
  body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
  options?: { maxEventSize?: number },
): AsyncGenerator<ServerSentEvent, void, undefined> {
  const decoder = _createSSEStreamDecoder(options?.maxEventSize)
  if (!isReadableStream(body)) {
    // for-await calls the source's return() when the consumer stops early.
    for await (const chunk of body) yield* decoder.decode(chunk)
    yield* decoder.flush()
    return
  }
  const reader = body.getReader()
  let ended = false
  try {
    for (;;) {
      const { value, done } = await reader.read()
      if (done) break
      yield* decoder.decode(value)
    }
    ended = true
    yield* decoder.flush()
  } finally {
    // Not awaited: a source whose cancel() never settles must not hang the consumer's `break`.
    if (!ended) reader.cancel().catch(() => {})
    reader.releaseLock()
  }
}

function isReadableStream(body: unknown): body is ReadableStream<Uint8Array> {
  return typeof (body as ReadableStream | null)?.getReader === 'function'
}
