import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { _createSSEStreamDecoder, parseSSE } from './parse-sse'
import type { ServerSentEvent } from './sse-decoder'

const utf8 = (text: string) => new TextEncoder().encode(text)

function bytewise(text: string | Uint8Array): Uint8Array[] {
  const bytes = typeof text === 'string' ? utf8(text) : text
  return [...bytes].map((b) => new Uint8Array([b]))
}

async function* iterate(chunks: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks) yield chunk
}

async function collect(chunks: Uint8Array[]): Promise<ServerSentEvent[]> {
  const events: ServerSentEvent[] = []
  for await (const event of parseSSE(iterate(chunks))) events.push(event)
  return events
}

const summary = (events: ServerSentEvent[]) => events.map(({ event, data }) => ({ event, data }))

/** A ReadableStream over `chunks` that records how it was cancelled. */
function trackedStream(chunks: Uint8Array[], { close = true } = {}) {
  const log = { pulls: 0, cancels: 0 }
  let i = 0
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      log.pulls++
      if (i < chunks.length) controller.enqueue(chunks[i++])
      else if (close) controller.close()
    },
    cancel() {
      log.cancels++
    },
  })
  return { stream, log }
}

describe('parseSSE', () => {
  it('reads events from a ReadableStream', async () => {
    const { stream } = trackedStream([utf8('event: completion\ndata: {"foo":true}\n\n'), utf8('data: 2\n\n')])
    const events: ServerSentEvent[] = []
    for await (const event of parseSSE(stream)) events.push(event)
    expect(events).toEqual([
      { event: 'completion', data: '{"foo":true}', raw: ['event: completion', 'data: {"foo":true}'] },
      { event: null, data: '2', raw: ['data: 2'] },
    ])
    expect(stream.locked).toBe(false)
  })

  it('reads several events from one chunk and one event from many chunks', async () => {
    expect(summary(await collect([utf8('data: a\n\ndata: b\n\nevent: c\ndata: d\n\n')]))).toEqual([
      { event: null, data: 'a' },
      { event: null, data: 'b' },
      { event: 'c', data: 'd' },
    ])
    expect(summary(await collect(bytewise('event: x\ndata: {"é":"😀"}\n\n')))).toEqual([
      { event: 'x', data: '{"é":"😀"}' },
    ])
  })

  it('keeps data that spans chunks cut inside a multi-byte character', async () => {
    const bytes = utf8('data: известни 😀\n\n')
    const events = await collect([
      bytes.subarray(0, 7),
      bytes.subarray(7, 10),
      bytes.subarray(10, 24),
      bytes.subarray(24),
    ])
    expect(summary(events)).toEqual([{ event: null, data: 'известни 😀' }])
  })

  it('joins multi-line data, keeping empty data lines', async () => {
    const events = await collect([utf8('data: {\ndata: "foo":\ndata: \ndata:\ndata: true}\n\n')])
    expect(events[0].data).toBe('{\n"foo":\n\n\ntrue}')
    expect(JSON.parse(events[0].data)).toEqual({ foo: true })
  })

  it('leaves JSON-escaped \\n\\n inside data alone', async () => {
    const events = await collect([utf8('data: {"content":"a\\n\\nb"}\n\n')])
    expect(JSON.parse(events[0].data)).toEqual({ content: 'a\n\nb' })
  })

  it('does not treat U+2028 (bytes e2 80 a8) as a line end', async () => {
    const bytes = new Uint8Array([...utf8('data: {"t":"a'), 0xe2, 0x80, 0xa8, ...utf8('b"}\n\n')])
    const events = await collect(bytewise(bytes))
    expect(events).toHaveLength(1)
    expect(JSON.parse(events[0].data)).toEqual({ t: 'a\u2028b' })
  })

  it('keeps a comment in raw across CRLF multi-line data', async () => {
    const events = await collect([utf8(': this is a comment\r\ndata: {\r\ndata: "a": 1\r\ndata: }\r\n\r\n')])
    expect(events).toEqual([
      {
        event: null,
        data: '{\n"a": 1\n}',
        raw: [': this is a comment', 'data: {', 'data: "a": 1', 'data: }'],
      },
    ])
  })

  describe('line ends', () => {
    const ends = ['\n', '\r', '\r\n']
    const pairs = ends
      .flatMap((first) => ends.map((second) => [first, second]))
      .filter(([a, b]) => a + b !== '\r\n')

    it('has 8 two-line-end separators (\\r then \\n is one line end)', () => {
      expect(pairs).toHaveLength(8)
    })

    for (const [first, second] of pairs) {
      const name = JSON.stringify(first + second)
      it(`delivers each event as soon as its ${name} separator is complete, fed byte by byte`, () => {
        const decoder = _createSSEStreamDecoder()
        const delivered: string[][] = []
        const text = `event: a${first}data: 1${first}${second}data: 2${first}${second}`
        for (const byte of bytewise(text)) delivered.push(decoder.decode(byte).map((e) => e.data))
        const when = delivered.flatMap((found, i) => found.map((data) => [data, i]))
        // The first byte of the second line end completes the blank line (the text is ASCII: bytes = chars).
        const first1 = text.indexOf(first + second) + first.length
        const first2 = text.indexOf(first + second, first1) + first.length
        expect(when).toEqual([
          ['1', first1],
          ['2', first2],
        ])
        expect(decoder.flush()).toEqual([])
      })
    }

    it('splits on CR-only line ends fed byte by byte', async () => {
      const events = await collect(bytewise('event: a\rdata: 1\r\r:c\rdata: 2\rdata: 3\r\r'))
      expect(summary(events)).toEqual([
        { event: 'a', data: '1' },
        { event: null, data: '2\n3' },
      ])
    })

    it('reads \\n\\r\\n and \\r\\n\\n as blank-line separators', async () => {
      expect(summary(await collect([utf8('data: 1\n\r\ndata: 2\r\n\ndata: 3\n\r\n')]))).toEqual(
        ['1', '2', '3'].map((data) => ({ event: null, data })),
      )
    })

    it('makes no phantom line when \\r\\r is followed by \\n', async () => {
      const events = await collect([utf8('event: a\rdata: 1\r\r'), utf8('\nevent: b\ndata: 2\n\n')])
      expect(summary(events)).toEqual([
        { event: 'a', data: '1' },
        { event: 'b', data: '2' },
      ])
    })
  })

  describe('end of input', () => {
    for (const tail of ['', '\n', '\r', '\r\n', '\r\r', '\n\n', '\r\n\r\n']) {
      it(`delivers the last event once when the body ends with ${JSON.stringify(`data: x${tail}`)}`, async () => {
        expect(summary(await collect([utf8(`event: e\ndata: x${tail}`)]))).toEqual([
          { event: 'e', data: 'x' },
        ])
        expect(summary(await collect(bytewise(`data: x${tail}`)))).toEqual([{ event: null, data: 'x' }])
      })
    }

    it('delivers nothing for a body that is only comments or blank lines', async () => {
      expect(await collect([utf8(':comment only\n\n\n')])).toEqual([])
      expect(await collect([])).toEqual([])
    })
  })

  it('cancels the body and releases it when the consumer stops early', async () => {
    const { stream, log } = trackedStream([utf8('data: 1\n\ndata: 2\n\n')], { close: false })
    for await (const event of parseSSE(stream)) {
      expect(event.data).toBe('1')
      break
    }
    expect(log.cancels).toBe(1)
    expect(stream.locked).toBe(false)
  })

  it('does not cancel a body it read to the end', async () => {
    const { stream, log } = trackedStream([utf8('data: 1')])
    const events: ServerSentEvent[] = []
    for await (const event of parseSSE(stream)) events.push(event)
    expect(summary(events)).toEqual([{ event: null, data: '1' }])
    expect(log.cancels).toBe(0)
  })

  it('returns the async-iterable source when the consumer stops early', async () => {
    let returned = false
    const source = {
      async *[Symbol.asyncIterator]() {
        try {
          yield utf8('data: 1\n\n')
          yield utf8('data: 2\n\n')
        } finally {
          returned = true
        }
      },
    }
    for await (const _ of parseSSE(source)) break
    expect(returned).toBe(true)
  })

  it('delivers a 200 KB event fed one byte at a time', () => {
    const payload = JSON.stringify({ text: 'ж'.repeat(40_000) + 'x'.repeat(120_000) })
    const decoder = _createSSEStreamDecoder()
    const bytes = utf8(`event: big\ndata: ${payload}\n\n`)
    expect(bytes.length).toBeGreaterThan(200_000)
    const events: ServerSentEvent[] = []
    for (let i = 0; i < bytes.length; i++) events.push(...decoder.decode(bytes.subarray(i, i + 1)))
    expect(events).toHaveLength(1)
    expect(events[0].event).toBe('big')
    expect(events[0].data).toBe(payload)
  })

  it('gives the same events for any chunking of any event list', async () => {
    const lineEnd = fc.constantFrom('\n', '\r', '\r\n')
    // Field text: any code point (astral included), often the characters that matter here; no line ends.
    const unit = fc.oneof(
      fc.constantFrom(' ', ':', 'a', 'é', 'ж', '日', '😀', '\u2028', '\u0085', '\ufeff', '\\n'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    )
    const text = fc.string({ unit, maxLength: 12 }).map((s) => s.replace(/[\r\n]/g, '_'))
    const event = fc.record({
      name: fc.option(
        text.filter((s) => s.length > 0),
        { nil: null },
      ),
      data: fc.array(text, { minLength: 1, maxLength: 3 }),
      comment: fc.boolean(),
      ends: fc.array(lineEnd, { minLength: 6, maxLength: 6 }),
    })
    const input = fc.record({
      events: fc.array(event, { minLength: 1, maxLength: 5 }),
      blankAtEnd: fc.boolean(),
    })

    await fc.assert(
      fc.asyncProperty(input, fc.array(fc.nat(), { maxLength: 8 }), async ({ events, blankAtEnd }, cuts) => {
        let wire = ''
        events.forEach(({ name, data, comment, ends }, i) => {
          if (comment) wire += `: note${ends[0]}`
          if (name !== null) wire += `event: ${name}${ends[1]}`
          data.forEach((line, j) => {
            wire += `data: ${line}${ends[2 + j]}`
          })
          // A blank line; after a lone \r a lone \n would only complete a CRLF, so use CRLF there.
          const blank = wire.endsWith('\r') && ends[5] === '\n' ? '\r\n' : ends[5]
          if (i < events.length - 1 || blankAtEnd) wire += blank
        })
        const bytes = utf8(wire)
        const expected = events.map(({ name, data }) => ({ event: name, data: data.join('\n') }))

        expect(summary(await collect([bytes]))).toEqual(expected)
        expect(summary(await collect(bytewise(bytes)))).toEqual(expected)
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)
        const chunks = [0, ...points].map((start, i) => bytes.subarray(start, [...points, bytes.length][i]))
        expect(summary(await collect(chunks))).toEqual(expected)
      }),
      { numRuns: 300 },
    )
  })
})
