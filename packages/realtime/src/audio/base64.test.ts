import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { base64ToBytes, bytesToBase64 } from './base64'

describe('base64', () => {
  it('matches the RFC 4648 test vectors', () => {
    const vectors = ['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar']
    const encoded = ['', 'Zg==', 'Zm8=', 'Zm9v', 'Zm9vYg==', 'Zm9vYmE=', 'Zm9vYmFy']
    expect(vectors.map((v) => bytesToBase64(new TextEncoder().encode(v)))).toEqual(encoded)
    expect(encoded.map((e) => new TextDecoder().decode(base64ToBytes(e)))).toEqual(vectors)
  })

  it('round-trips any bytes and agrees with Node Buffer (test-only reference)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const encoded = bytesToBase64(bytes)
        expect(encoded).toBe(Buffer.from(bytes).toString('base64'))
        expect(base64ToBytes(encoded)).toEqual(bytes)
      }),
      { numRuns: 200 },
    )
  })

  it('accepts missing padding, whitespace and the URL-safe alphabet; refuses anything else', () => {
    expect(base64ToBytes('Zm9vYg')).toEqual(new TextEncoder().encode('foob'))
    expect(base64ToBytes('Zm9v\nYmFy\n')).toEqual(new TextEncoder().encode('foobar'))
    expect(base64ToBytes('-_8=')).toEqual(new Uint8Array([251, 255]))
    expect(() => base64ToBytes('Zm9v!A')).toThrow('Invalid base64: unexpected character at position 4.')
    expect(() => base64ToBytes('Z')).toThrow('Invalid base64: its length is not possible.')
  })
})
