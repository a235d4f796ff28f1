import { inflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { MP3_FRAME, mp4Header, pngImage, WEBP_1X1, wavHeader } from './media-bytes'

describe('media bytes', () => {
  it('a PNG with a correct signature, IHDR and pixel data', () => {
    const png = pngImage(4, 2, 0x11223344)
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR')
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([4, 2])
    const idat = png.indexOf('IDAT')
    const pixels = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)))
    expect(pixels.length).toBe(2 * (1 + 4 * 4))
    expect(pixels.readUInt32BE(1)).toBe(0x11223344)
  })

  it('WAV, MP3, MP4 and WebP headers', () => {
    const wav = wavHeader(48_000)
    expect([wav.subarray(0, 4).toString(), wav.subarray(8, 12).toString(), wav.readUInt32LE(40)]).toEqual([
      'RIFF',
      'WAVE',
      48_000,
    ])
    expect([...MP3_FRAME.subarray(0, 2)]).toEqual([0xff, 0xfb])
    const mp4 = mp4Header(100)
    expect([mp4.subarray(4, 8).toString(), mp4.subarray(36, 40).toString(), mp4.readUInt32BE(32)]).toEqual([
      'ftyp',
      'mdat',
      108,
    ])
    expect(WEBP_1X1.subarray(8, 12).toString()).toBe('WEBP')
  })
})
