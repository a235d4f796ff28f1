import { describe, expect, it } from 'vitest'
import { _createLineSplitter, type _LineSplitterStats, createLineDecoder } from './line-decoder'

const utf8 = (text: string) => new TextEncoder().encode(text)

function decodeAll(chunks: (string | Uint8Array | null)[], flush = false): string[] {
  const decoder = createLineDecoder()
  const lines: string[] = []
  for (const chunk of chunks) lines.push(...decoder.decode(chunk))
  if (flush) lines.push(...decoder.flush())
  return lines
}

describe('createLineDecoder', () => {
  it('keeps an unterminated line until more text or flush()', () => {
    expect(decodeAll(['foo', ' bar\nbaz'])).toEqual(['foo bar'])
    expect(decodeAll(['foo', ' bar\nbaz'], true)).toEqual(['foo bar', 'baz'])
  })

  it('pairs a chunk-final \\r with a \\n that starts the next chunk', () => {
    expect(decodeAll(['foo\r', '\n', 'bar'], true)).toEqual(['foo', 'bar'])
  })

  it('treats lone \\r as a line end, even across chunks', () => {
    expect(decodeAll(['foo\r', '\r', 'bar'], true)).toEqual(['foo', '', 'bar'])
    expect(decodeAll(['foo\r', '\r', '\r', '\n', 'bar', '\n'])).toEqual(['foo', '', '', 'bar'])
  })

  it('reports blank lines between line ends', () => {
    expect(decodeAll(['foo\n\nbar'], true)).toEqual(['foo', '', 'bar'])
    expect(decodeAll(['a\r\n\r\nb\n\rc\r\n'])).toEqual(['a', '', 'b', '', 'c'])
  })

  it('emits a line ended by \\r at once, without waiting for the next chunk', () => {
    const decoder = createLineDecoder()
    expect(decoder.decode('foo\r')).toEqual(['foo'])
    expect(decoder.decode('\nbar\r')).toEqual(['bar'])
    expect(decoder.decode('\r')).toEqual([''])
  })

  it('decodes a UTF-8 character split across chunks', () => {
    const bytes = utf8('известни\n')
    expect(bytes.subarray(0, 6)).toEqual(new Uint8Array([0xd0, 0xb8, 0xd0, 0xb7, 0xd0, 0xb2]))
    const chunks = [bytes.subarray(0, 1), bytes.subarray(1, 4), bytes.subarray(4)]
    expect(chunks[0]).toEqual(new Uint8Array([0xd0]))
    expect(chunks[1]).toEqual(new Uint8Array([0xb8, 0xd0, 0xb7]))
    expect(decodeAll(chunks)).toEqual(['известни'])
  })

  it('decodes every byte of astral characters fed one at a time', () => {
    const bytes = utf8('😀 a\r\n日本\r')
    expect(
      decodeAll(
        [...bytes].map((b) => new Uint8Array([b])),
        true,
      ),
    ).toEqual(['😀 a', '日本'])
  })

  it('accepts ArrayBuffer chunks', () => {
    const decoder = createLineDecoder()
    expect(decoder.decode(utf8('x\ny').buffer)).toEqual(['x'])
    expect(decoder.flush()).toEqual(['y'])
  })

  it('returns no lines for null, undefined and empty chunks', () => {
    const decoder = createLineDecoder()
    expect(decoder.decode(null)).toEqual([])
    expect(decoder.decode(undefined)).toEqual([])
    expect(decoder.decode('')).toEqual([])
    expect(decoder.decode(new Uint8Array())).toEqual([])
    expect(decoder.decode('a')).toEqual([])
    expect(decoder.decode(null)).toEqual([])
    expect(decoder.flush()).toEqual(['a'])
  })

  it('flushes nothing when idle, and a cut UTF-8 character as U+FFFD', () => {
    const decoder = createLineDecoder()
    expect(decoder.flush()).toEqual([])
    decoder.decode(new Uint8Array([0x61, 0xd0]))
    expect(decoder.flush()).toEqual(['a\ufffd'])
    expect(decoder.flush()).toEqual([])
  })

  it('does not swallow a \\n after flush() ended a \\r line', () => {
    const decoder = createLineDecoder()
    expect(decoder.decode('a\r')).toEqual(['a'])
    expect(decoder.flush()).toEqual([])
    expect(decoder.decode('\nb\n')).toEqual(['', 'b'])
  })

  it('removes a leading byte order mark', () => {
    expect(decodeAll([new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x0a])])).toEqual(['a'])
  })

  it('does linear work on a 200 KB line fed one byte at a time', () => {
    const stats: _LineSplitterStats = { scanned: 0, joined: 0 }
    const lines: string[] = []
    const splitter = _createLineSplitter((text, start, end) => {
      lines.push(text.slice(start, end))
    }, stats)
    const line = 'é'.repeat(50_000) + 'x'.repeat(100_000)
    const bytes = utf8(`${line}\r\nnext\n`)
    for (let i = 0; i < bytes.length; i++) splitter.push(bytes.subarray(i, i + 1))
    splitter.end()
    expect(lines).toEqual([line, 'next'])
    // Two searches (\n and \r) over each character, and one join of the long line.
    expect(stats.scanned).toBeLessThanOrEqual(2 * (line.length + 7))
    expect(stats.joined).toBe(line.length + 4)
  })
})
