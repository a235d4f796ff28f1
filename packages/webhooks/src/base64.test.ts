import { describe, expect, test } from 'vitest'
import { decodeBase64, encodeBase64 } from './base64'

describe('decodeBase64', () => {
  test('decodes padded and unpadded standard base64', () => {
    expect(decodeBase64('eA==')).toEqual(Uint8Array.of(0x78))
    expect(decodeBase64('eA')).toEqual(Uint8Array.of(0x78))
    expect(decodeBase64('/+8=')).toEqual(Uint8Array.of(0xff, 0xef))
    expect(decodeBase64('')).toEqual(new Uint8Array(0))
  })

  test('returns undefined for text that is not base64', () => {
    expect(decodeBase64('%%%')).toBeUndefined()
    expect(decodeBase64('v1,abc=')).toBeUndefined()
    expect(decodeBase64('a')).toBeUndefined()
    expect(decodeBase64('é')).toBeUndefined()
    expect(decodeBase64('_-8')).toBeUndefined()
  })
})

describe('encodeBase64', () => {
  test('encodes with padding', () => {
    expect(encodeBase64(Uint8Array.of(0x78))).toBe('eA==')
    expect(encodeBase64(Uint8Array.of(0xff, 0xef))).toBe('/+8=')
    expect(encodeBase64(new Uint8Array(0))).toBe('')
  })

  test('round-trips every byte value', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i)
    expect(decodeBase64(encodeBase64(bytes))).toEqual(bytes)
  })
})
