import { OpenAIError } from '../errors'

/** Splits a byte (or text) stream into lines; chunks may be cut anywhere. */
export interface LineDecoder {
  /**
   * Adds a chunk and returns the lines it completes, without their line ends.
   * `null`, `undefined` and empty chunks return `[]` and keep what is buffered.
   */
  decode(chunk: Uint8Array | ArrayBuffer | string | null | undefined): string[]
  /** Ends the input: returns the last line if it had no line end (and resets the decoder). */
  flush(): string[]
}

/**
 * Creates a line decoder for `\n`, `\r` and `\r\n` line ends.
 *
 * UTF-8 is decoded by a streaming `TextDecoder`, so a character cut between two chunks is safe. A `\r` at
 * the end of a chunk ends its line at once; a `\n` starting the next chunk is then dropped (no phantom
 * empty line). A leading UTF-8 byte order mark is removed, as the SSE spec asks.
 *
 * @example
 * const lines = createLineDecoder()
 * lines.decode(new TextEncoder().encode('a\r\nb')) // ['a']
 * lines.flush() // ['b']
 */
// @__NO_SIDE_EFFECTS__
export function createLineDecoder(): LineDecoder {
  let lines: string[] = []
  const splitter = _createLineSplitter((text, start, end) => {
    lines.push(text.slice(start, end))
  })
  const take = (): string[] => {
    const found = lines
    lines = []
    return found
  }
  return {
    decode(chunk) {
      splitter.push(chunk)
      return take()
    },
    flush() {
      splitter.end()
      return take()
    },
  }
}

/** Receives one line as `text.slice(start, end)`, so callers that only inspect it need not copy it. */
export type _LineVisitor = (text: string, start: number, end: number) => void

/** The push side of a line decoder: lines go to a visitor as they complete. */
export interface _LineSplitter {
  push(chunk: Uint8Array | ArrayBuffer | string | null | undefined): void
  /** Ends the input: an unterminated last line is visited; the splitter can then be reused. */
  end(): void
}

/** Work counters, for tests that prove the splitter stays linear on tiny chunks. */
export interface _LineSplitterStats {
  /** Characters examined while looking for line ends. */
  scanned: number
  /** Characters copied to join the pieces of a line that spanned several chunks. */
  joined: number
}

/** The longest line or event the decoders accept by default, in characters (64 Mi): far above any API event. */
export const DEFAULT_MAX_EVENT_SIZE = 64 * 1024 * 1024

/** The error for a line or event past the limit, instead of a buffer that grows until the process dies. */
export function _tooLarge(limit: number): OpenAIError {
  return new OpenAIError(
    `A server-sent event line or event is longer than ${limit} characters; stopped reading the stream. Raise \`maxEventSize\` if the server really sends events this large.`,
  )
}

/**
 * The engine of {@link createLineDecoder}, visiting lines instead of collecting them (the SSE decoder
 * parses fields in place). `stats`, for tests, counts the work done. An unfinished line longer than
 * `maxLength` throws.
 * @internal
 */
// @__NO_SIDE_EFFECTS__
export function _createLineSplitter(
  visit: _LineVisitor,
  stats?: _LineSplitterStats,
  maxLength = DEFAULT_MAX_EVENT_SIZE,
): _LineSplitter {
  const utf8 = new TextDecoder()
  // The line that is not finished yet. Concatenation builds a rope, flattened once when the line is read, so a
  // long line fed in tiny chunks costs O(n) rather than one rescan or copy of the whole buffer per chunk.
  let pending = ''
  // The last text seen ended in `\r`: a `\n` at the start of the next text belongs to that line end.
  let skipLF = false

  function line(text: string, start: number, end: number): void {
    if (pending) {
      // A line that began in an earlier chunk.
      text = pending + text.slice(start, end)
      if (stats) stats.joined += text.length
      pending = ''
      start = 0
      end = text.length
    }
    visit(text, start, end)
  }

  function split(text: string): void {
    const length = text.length
    let start = skipLF && text[0] === '\n' ? 1 : 0
    skipLF = false
    // The next `\n` or `\r` at or after `start` (`length` if none). Each is searched again only once
    // passed, so every character is examined at most once per kind: linear whatever the chunking.
    const find = (char: string): number => {
      const at = text.indexOf(char, start)
      if (stats) stats.scanned += (at < 0 ? length : at + 1) - start
      return at < 0 ? length : at
    }
    for (let lf = -1, cr = -1, end: number; ; ) {
      if (lf < start) lf = find('\n')
      if (cr < start) cr = find('\r')
      end = Math.min(lf, cr)
      if (end === length) break
      line(text, start, end)
      start = end + 1
      if (end === cr) {
        if (start === length) skipLF = true
        else if (text[start] === '\n') start++
      }
    }
    if (start < length) {
      pending += text.slice(start)
      if (pending.length > maxLength) {
        pending = ''
        throw _tooLarge(maxLength)
      }
    }
  }

  return {
    push(chunk) {
      if (chunk == null) return
      const text = typeof chunk === 'string' ? chunk : utf8.decode(chunk, { stream: true })
      if (text) split(text)
    },
    end() {
      // Bytes of an unfinished UTF-8 character become U+FFFD, as any UTF-8 decoder does at EOF.
      const rest = utf8.decode()
      if (rest) split(rest)
      if (pending) line('', 0, 0)
      skipLF = false
    },
  }
}
