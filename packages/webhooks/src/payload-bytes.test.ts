import { runInNewContext } from 'node:vm'
import { describe, expect, test } from 'vitest'
import { payloadBytes } from './payload-bytes'

describe('payloadBytes', () => {
  test('encodes text as UTF-8', () => {
    expect(payloadBytes('{"a":"é"}')).toEqual(
      Uint8Array.of(0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0xa9, 0x22, 0x7d),
    )
  })

  test('uses bytes as they are, honouring a view offset', () => {
    const whole = Uint8Array.of(1, 2, 3, 4, 5)
    expect(payloadBytes(whole.subarray(1, 4))).toEqual(Uint8Array.of(2, 3, 4))
    expect(payloadBytes(whole.buffer)).toEqual(whole)
    expect(payloadBytes(new DataView(whole.buffer, 3))).toEqual(Uint8Array.of(4, 5))
    expect(payloadBytes(Buffer.from('hi'))).toEqual(Uint8Array.of(0x68, 0x69))
  })

  test('accepts an ArrayBuffer from another realm', () => {
    const foreign = runInNewContext('new Uint8Array([7, 8]).buffer') as ArrayBuffer
    expect(foreign instanceof ArrayBuffer).toBe(false)
    expect(payloadBytes(foreign)).toEqual(Uint8Array.of(7, 8))
  })

  test('refuses a parsed body and says to pass the raw one', () => {
    const hint =
      'the signature covers the exact bytes sent. Read it with `await request.text()` or `express.raw({ type: "application/json" })`.'
    const prefix =
      'The webhook payload must be the raw request body (a string, Uint8Array or ArrayBuffer), not'
    expect(() => payloadBytes({ id: 'evt_1' } as never)).toThrow(
      new TypeError(`${prefix} a parsed object: ${hint}`),
    )
    expect(() => payloadBytes(null as never)).toThrow(new TypeError(`${prefix} null: ${hint}`))
    expect(() => payloadBytes(undefined as never)).toThrow(new TypeError(`${prefix} undefined: ${hint}`))
    expect(() => payloadBytes(42 as never)).toThrow(new TypeError(`${prefix} a number: ${hint}`))
  })
})
