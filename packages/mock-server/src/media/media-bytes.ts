import { deflateSync } from 'node:zlib'

// Small but valid media files for the media routes: clients that decode them (an <img>, an audio element, ffprobe)
// see real formats, not placeholder text.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

/** A `width` x `height` RGBA PNG filled with one colour (`rgba` as 0xRRGGBBAA). */
export function pngImage(width: number, height: number, rgba: number): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 6, 0, 0, 0], 8) // 8-bit RGBA, deflate, no filter, no interlace
  const row = Buffer.alloc(1 + width * 4)
  for (let x = 0; x < width; x++) row.writeUInt32BE(rgba >>> 0, 1 + x * 4)
  const pixels = Buffer.concat(Array.from({ length: height }, () => row))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(pixels)),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}

/** A colour picked from a text (a prompt), so different prompts give visibly different images. */
export function colourOf(text: string): number {
  return ((crc32(Buffer.from(text)) & 0xffffff00) | 0xff) >>> 0
}

/** Bytes per second of the mock's speech: 24 kHz, 16-bit, mono PCM (the API's `pcm` and `wav` layout). */
export const PCM_BYTES_PER_SECOND = 48_000

/** The 44-byte header of a 24 kHz 16-bit mono WAV holding `dataBytes` bytes of samples. */
export function wavHeader(dataBytes: number): Buffer {
  const h = Buffer.alloc(44)
  h.write('RIFF', 0, 'latin1')
  h.writeUInt32LE(Math.min(36 + dataBytes, 0xffffffff), 4)
  h.write('WAVEfmt ', 8, 'latin1')
  h.writeUInt32LE(16, 16)
  h.writeUInt16LE(1, 20) // PCM
  h.writeUInt16LE(1, 22) // mono
  h.writeUInt32LE(24_000, 24)
  h.writeUInt32LE(PCM_BYTES_PER_SECOND, 28)
  h.writeUInt16LE(2, 32)
  h.writeUInt16LE(16, 34)
  h.write('data', 36, 'latin1')
  h.writeUInt32LE(Math.min(dataBytes, 0xffffffff), 40)
  return h
}

// One second of a quiet 440 Hz tone: 440 whole cycles, so it loops without a click.
let toneSecond: Buffer | undefined

/** `bytes` of a quiet 440 Hz tone as 16-bit little-endian samples, starting at byte `offset` of the track. */
export function pcmTone(offset: number, bytes: number): Buffer {
  if (!toneSecond) {
    toneSecond = Buffer.alloc(PCM_BYTES_PER_SECOND)
    for (let i = 0; i < PCM_BYTES_PER_SECOND; i += 2)
      toneSecond.writeInt16LE(Math.round(2000 * Math.sin((2 * Math.PI * 440 * i) / 2 / 24_000)), i)
  }
  const out = Buffer.alloc(bytes)
  for (let i = 0; i < bytes; ) {
    const at = (offset + i) % PCM_BYTES_PER_SECOND
    i += toneSecond.copy(out, i, at, Math.min(PCM_BYTES_PER_SECOND, at + bytes - i))
  }
  return out
}

/** One silent MPEG-1 Layer III frame: 128 kbit/s, 44.1 kHz, mono, 417 bytes, 1152 samples (26.1 ms). */
export const MP3_FRAME = (() => {
  const frame = Buffer.alloc(417)
  frame.set([0xff, 0xfb, 0x90, 0xc0], 0)
  return frame
})()

/** Seconds of audio in one `MP3_FRAME`. */
export const MP3_FRAME_SECONDS = 1152 / 44_100

/** An MP4 header: an `ftyp` box, then the head of an `mdat` box announcing `payloadBytes` bytes of media. */
export function mp4Header(payloadBytes: number): Buffer {
  const ftyp = Buffer.alloc(32)
  ftyp.writeUInt32BE(32, 0)
  ftyp.write('ftypisom', 4, 'latin1')
  ftyp.writeUInt32BE(0x200, 12)
  ftyp.write('isomiso2avc1mp41', 16, 'latin1')
  const mdat = Buffer.alloc(8)
  mdat.writeUInt32BE(8 + payloadBytes, 0)
  mdat.write('mdat', 4, 'latin1')
  return Buffer.concat([ftyp, mdat])
}

/** A 1x1 lossless WebP (a video thumbnail). */
export const WEBP_1X1 = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64')
