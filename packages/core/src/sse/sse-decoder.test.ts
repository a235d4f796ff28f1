import { describe, expect, it } from 'vitest'
import { createSSEDecoder, type ServerSentEvent } from './sse-decoder'

function decodeLines(lines: string[]): ServerSentEvent[] {
  const decoder = createSSEDecoder()
  const events: ServerSentEvent[] = []
  for (const line of lines) {
    const event = decoder.decode(line)
    if (event) events.push(event)
  }
  return events
}

describe('createSSEDecoder', () => {
  it('dispatches name and data on a blank line', () => {
    const decoder = createSSEDecoder()
    expect(decoder.decode('event: completion')).toBeNull()
    expect(decoder.decode('data: {"foo":true}')).toBeNull()
    expect(decoder.decode('')).toEqual({
      event: 'completion',
      data: '{"foo":true}',
      raw: ['event: completion', 'data: {"foo":true}'],
    })
  })

  it('gives data without a name event: null, and a name without data data: ""', () => {
    expect(decodeLines(['data: {"a":1}', ''])).toEqual([
      { event: null, data: '{"a":1}', raw: ['data: {"a":1}'] },
    ])
    expect(decodeLines(['event: x', ''])).toEqual([{ event: 'x', data: '', raw: ['event: x'] }])
  })

  it('removes exactly one space after the colon', () => {
    expect(decodeLines(['data:no-space', 'data:  two-spaces', ''])[0].data).toBe('no-space\n two-spaces')
    expect(decodeLines(['event:  padded', 'data:', ''])[0]).toMatchObject({ event: ' padded', data: '' })
  })

  it('splits at the first colon only', () => {
    expect(decodeLines(['data: a: b:c', ''])[0].data).toBe('a: b:c')
  })

  it('joins data lines with \\n, keeping empty ones', () => {
    expect(decodeLines(['data: {', 'data: "foo":', 'data: ', 'data:', 'data: true}', ''])[0].data).toBe(
      '{\n"foo":\n\n\ntrue}',
    )
  })

  it('reads a line without a colon as a field with an empty value', () => {
    expect(decodeLines(['data', 'data', ''])).toEqual([{ event: null, data: '\n', raw: ['data', 'data'] }])
    expect(decodeLines(['event', 'data: x', ''])).toEqual([
      { event: '', data: 'x', raw: ['event', 'data: x'] },
    ])
  })

  it('keeps comments in raw and otherwise ignores them', () => {
    expect(decodeLines([':comment only', ''])).toEqual([])
    expect(decodeLines([': ping', 'data: 1', ''])).toEqual([
      { event: null, data: '1', raw: [': ping', 'data: 1'] },
    ])
  })

  it('ignores id, retry and unknown fields', () => {
    expect(decodeLines(['foo: bar', ''])).toEqual([])
    expect(decodeLines(['id: 7', 'retry: 10', ''])).toEqual([])
    expect(decodeLines(['database: x', 'events: y', 'dat: z', ''])).toEqual([])
    expect(decodeLines(['id: 7', 'data: x', ''])).toEqual([
      { event: null, data: 'x', raw: ['id: 7', 'data: x'] },
    ])
  })

  it('dispatches nothing for an event whose name is empty and which has no data', () => {
    expect(decodeLines(['event:', ''])).toEqual([])
  })

  it('strips one trailing \\r from a line', () => {
    expect(decodeLines(['event: a\r', 'data: b\r\r', '\r'])).toEqual([
      { event: 'a', data: 'b\r', raw: ['event: a', 'data: b\r'] },
    ])
  })

  it('lets the last event name win and resets between events', () => {
    expect(decodeLines(['event: a', 'event: b', 'data: 1', '', 'data: 2', ''])).toEqual([
      { event: 'b', data: '1', raw: ['event: a', 'event: b', 'data: 1'] },
      { event: null, data: '2', raw: ['data: 2'] },
    ])
  })

  it('ignores extra blank lines', () => {
    expect(decodeLines(['', '', 'data: x', '', '', ''])).toHaveLength(1)
  })

  it('flush() delivers a pending event once, and nothing when idle', () => {
    const decoder = createSSEDecoder()
    expect(decoder.flush()).toBeNull()
    decoder.decode('data: x')
    expect(decoder.flush()).toEqual({ event: null, data: 'x', raw: ['data: x'] })
    expect(decoder.flush()).toBeNull()
  })
})
