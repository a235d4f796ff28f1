import { describe, expect, it } from 'vitest'
import { base64ToPcm16, pcm16Bytes, pcm16ToBase64 } from './pcm16-base64'

describe('PCM16 <-> base64', () => {
  it('encodes samples little-endian, whatever the platform', () => {
    const samples = new Int16Array([0, 1, -1, 32767, -32768, 256])
    expect(Array.from(pcm16Bytes(samples))).toEqual([0, 0, 1, 0, 255, 255, 255, 127, 0, 128, 0, 1])
    expect(pcm16ToBase64(samples)).toBe('AAABAP///38AgAAB')
    expect(Array.from(base64ToPcm16('AAABAP///38AgAAB'))).toEqual([0, 1, -1, 32767, -32768, 256])
  })

  it('takes bytes and ArrayBuffers as they are, and drops a trailing odd byte on decode', () => {
    expect(pcm16ToBase64(new Uint8Array([1, 0]))).toBe('AQA=')
    expect(pcm16ToBase64(new Uint8Array([1, 0]).buffer)).toBe('AQA=')
    expect(Array.from(base64ToPcm16('AQAC'))).toEqual([1])
  })

  it('encodes 20 ms of 24 kHz audio as 1280 base64 characters', () => {
    expect(pcm16ToBase64(new Int16Array(480))).toHaveLength(1280)
  })

  it('refuses other views with a message that says what to pass', () => {
    expect(() => pcm16ToBase64(new Float32Array(2) as never)).toThrow(
      'Pass PCM16 audio as a Uint8Array of bytes, an Int16Array of samples or an ArrayBuffer.',
    )
  })
})
