import { createRequire } from 'node:module'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeEmbedding } from './decode-embedding'

// The official decoder is internal to the package (not in its exports map): load it by file.
const require = createRequire(import.meta.url)
const { toFloat32Array } = require(
  require.resolve('openai').replace(/index\.js$/, 'internal/utils/base64.js'),
) as {
  toFloat32Array: (base64: string) => number[]
}

const base64Of = (values: Float32Array) =>
  Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64')

describe('decodeEmbedding', () => {
  it('decodes little-endian float32 base64 exactly as the official decoder does, for any vector', () => {
    fc.assert(
      fc.property(fc.float32Array({ maxLength: 70, noDefaultInfinity: true, noNaN: true }), (values) => {
        const base64 = base64Of(values)
        expect(Array.from(decodeEmbedding(base64))).toEqual(toFloat32Array(base64))
      }),
    )
  })

  it('does not use Buffer', () => {
    const saved = globalThis.Buffer
    const base64 = base64Of(new Float32Array([1.5, -2.25, 3]))
    try {
      ;(globalThis as { Buffer?: unknown }).Buffer = undefined
      expect(Array.from(decodeEmbedding(base64))).toEqual([1.5, -2.25, 3])
    } finally {
      globalThis.Buffer = saved
    }
  })

  it('views the decoded bytes without copying them', () => {
    const vector = decodeEmbedding(base64Of(new Float32Array([1, 2, 3, 4])))
    expect(vector.byteOffset).toBe(0)
    // The view covers the decoded bytes (a base64 tail group may decode up to two bytes past it).
    expect(vector.buffer.byteLength - vector.byteLength).toBeLessThan(3)
  })

  it('reads unpadded input', () => {
    const standard = base64Of(new Float32Array([-0.000123, 98765.4321, 1e-30]))
    expect(decodeEmbedding(standard.replace(/=+$/, ''))).toEqual(decodeEmbedding(standard))
  })

  it('refuses text that is not base64 of whole float32 values', () => {
    expect(() => decodeEmbedding('AAA*AAAAAAAAAAAA')).toThrow(RangeError)
    expect(() => decodeEmbedding('AAAAAAAAAAAAAAAé')).toThrow(RangeError)
    expect(() => decodeEmbedding('AAAA')).toThrow(/not float32 base64/)
    expect(decodeEmbedding('')).toEqual(new Float32Array(0))
  })
})
