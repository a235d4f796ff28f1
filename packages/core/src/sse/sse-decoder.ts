import { _tooLarge, DEFAULT_MAX_EVENT_SIZE } from './line-decoder'

/** One server-sent event, as dispatched by a blank line. */
export interface ServerSentEvent {
  /** The `event:` field, or `null` when the event had none. */
  event: string | null
  /** The `data:` lines joined with `\n` (`''` when there were none). */
  data: string
  /** Every non-blank line of the event as received, comments included. */
  raw: string[]
}

/** Turns lines (without line ends) into server-sent events. */
export interface SSEDecoder {
  /** Feeds one line; returns the event a blank line completes, else `null`. */
  decode(line: string): ServerSentEvent | null
  /**
   * Ends the input: returns the pending event when the stream stopped without the blank line that
   * should follow it, else `null`.
   */
  flush(): ServerSentEvent | null
}

/**
 * Creates a decoder for the SSE field syntax, with the rules openai-node 7.57 applies:
 * - a line starting with `:` is a comment: kept in `raw`, otherwise ignored;
 * - `field: value` splits at the first `:` and removes one space after it; a line without `:` is a
 *   field with an empty value (`data` alone adds an empty data line); one trailing `\r` is removed;
 * - `event` names the event, `data` adds a data line; `id`, `retry` and unknown fields are ignored
 *   (no reconnection, so no `Last-Event-ID`);
 * - a blank line dispatches the event, unless it has neither a name nor data;
 * - {@link SSEDecoder.flush} delivers an event left pending at end of input (7.57 does, 7.5 dropped it).
 *
 * @example
 * const sse = createSSEDecoder()
 * sse.decode('event: ping') // null
 * sse.decode('data: {}') // null
 * sse.decode('') // { event: 'ping', data: '{}', raw: ['event: ping', 'data: {}'] }
 */
// @__NO_SIDE_EFFECTS__
export function createSSEDecoder(): SSEDecoder {
  let found: ServerSentEvent | null = null
  const parser = _createSSEParser((event, data, raw) => {
    found = { event, data, raw }
  }, true)
  const take = (): ServerSentEvent | null => {
    const event = found
    found = null
    return event
  }
  return {
    decode(line) {
      parser.line(line, 0, line.charCodeAt(line.length - 1) === CR ? line.length - 1 : line.length)
      return take()
    },
    flush() {
      parser.end()
      return take()
    },
  }
}

/** The push side of an SSE decoder: events go to a callback as blank lines complete them. */
export interface _SSEParser {
  /** Parses the line `text.slice(start, end)`. */
  line(text: string, start: number, end: number): void
  /** Ends the input, dispatching a pending event. */
  end(): void
}

const CR = 13

/** Receives a finished event's fields (no object is made, so callers that need none pay for none). */
export type _SSEDispatch = (event: string | null, data: string, raw: string[]) => void

/**
 * The engine of {@link createSSEDecoder}: reads each line in place (it copies only the values it keeps)
 * and hands finished events to `dispatch`. Lines come without their line end. An event whose data grows past
 * `maxSize` characters throws. With `keepRaw` false every
 * event shares one empty `raw` array: `Stream` never shows it, and it would cost a string per line.
 * @internal
 */
// @__NO_SIDE_EFFECTS__
export function _createSSEParser(
  dispatch: _SSEDispatch,
  keepRaw: boolean,
  maxSize = DEFAULT_MAX_EVENT_SIZE,
): _SSEParser {
  let name: string | null = null
  // Characters of data in the pending event, bounded by `maxSize`.
  let size = 0
  // The data lines so far, joined with `\n` (concatenation makes a rope: no copy until it is read).
  let data: string | undefined
  // Without `keepRaw`, every event shares this empty array.
  let raw: string[] = []

  function flush(): void {
    if (!name && data === undefined) return
    const event = name
    const joined = data ?? ''
    const lines = raw
    name = null
    data = undefined
    size = 0
    if (keepRaw) raw = []
    dispatch(event, joined, lines)
  }

  return {
    line(text, start, end) {
      if (end === start) return flush()
      if (keepRaw) raw.push(text.slice(start, end))
      // Only `data` and `event` matter, so the field name is matched in place: no indexOf(':') that could
      // run past the line end, and no string for a line that is neither.
      const isData = text.startsWith('data', start)
      if (!isData && !text.startsWith('event', start)) return
      let at = start + (isData ? 4 : 5)
      if (at < end ? text[at] !== ':' : at > end) return
      // The value after the colon less one space, `''` for a line without a colon.
      const value = at++ === end ? '' : text.slice(text[at] === ' ' && at < end ? at + 1 : at, end)
      if (!isData) {
        name = value
        return
      }
      size += value.length
      if (size > maxSize) throw _tooLarge(maxSize)
      data = data === undefined ? value : `${data}\n${value}`
    },
    end: flush,
  }
}
