import { describe, expect, test } from 'vitest'
import { secretBytes } from './secret-bytes'

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')

describe('secretBytes', () => {
  test('base64-decodes what follows whsec_', () => {
    expect(hex(secretBytes('whsec_RdvaYFYUXuIFuEbvZHwMfYFhUf7aMYjYcmM24+Aj40c='))).toBe(
      '45dbda6056145ee205b846ef647c0c7d816151feda3188d8726336e3e023e347',
    )
    expect(secretBytes('whsec_eA==')).toEqual(Uint8Array.of(0x78))
    expect(secretBytes('whsec_eA')).toEqual(Uint8Array.of(0x78))
  })

  test('uses any other secret as UTF-8 text, without base64-decoding it', () => {
    expect(secretBytes('eA==')).toEqual(new TextEncoder().encode('eA=='))
    expect(secretBytes('clé')).toEqual(Uint8Array.of(0x63, 0x6c, 0xc3, 0xa9))
  })

  test('refuses a whsec_ secret that is not base64 or is empty, without echoing it', () => {
    const message =
      'The webhook secret starts with `whsec_` but the rest is empty or not base64: copy the whole secret from the OpenAI dashboard'
    for (const secret of ['whsec_%%%', 'whsec_a', 'whsec_', 'whsec_c2VjcmV0 !']) {
      expect(() => secretBytes(secret)).toThrow(new TypeError(message))
    }
  })
})
