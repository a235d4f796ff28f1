import { describe, expect, test } from 'vitest'
import { constantTimeEqual } from './constant-time-equal'

describe('constantTimeEqual', () => {
  const expected = Uint8Array.from({ length: 32 }, (_, i) => i)

  test('is true only for the same bytes: any one flipped bit makes it false', () => {
    expect(constantTimeEqual(Uint8Array.from(expected), expected)).toBe(true)
    for (let i = 0; i < 32; i++) {
      for (let bit = 0; bit < 8; bit++) {
        const other = Uint8Array.from(expected)
        other[i] ^= 1 << bit
        expect(constantTimeEqual(other, expected)).toBe(false)
      }
    }
  })

  test('is false for another length or a missing value', () => {
    expect(constantTimeEqual(expected.subarray(0, 31), expected)).toBe(false)
    expect(constantTimeEqual(new Uint8Array(33), expected)).toBe(false)
    expect(constantTimeEqual(undefined, expected)).toBe(false)
  })
})
