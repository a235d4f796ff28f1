const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
let decodeTable: Int16Array | undefined

/** Standard base64 (with padding) of bytes, without Node's `Buffer` or the Latin-1 detour of `btoa`. */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = []
  // Build in slices: one huge string concatenation per byte would be slow for seconds of audio.
  const SLICE = 3 * 4096
  for (let start = 0; start < bytes.length; start += SLICE) {
    const end = Math.min(start + SLICE, bytes.length)
    let out = ''
    let i = start
    for (; i + 2 < end; i += 3) {
      const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2]
      out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + ALPHABET[n & 63]
    }
    if (end - i === 1) {
      const n = bytes[i] << 16
      out += `${ALPHABET[n >> 18]}${ALPHABET[(n >> 12) & 63]}==`
    } else if (end - i === 2) {
      const n = (bytes[i] << 16) | (bytes[i + 1] << 8)
      out += `${ALPHABET[n >> 18]}${ALPHABET[(n >> 12) & 63]}${ALPHABET[(n >> 6) & 63]}=`
    }
    parts.push(out)
  }
  return parts.join('')
}

/** Decodes standard or URL-safe base64 (padding optional, whitespace ignored); throws a `TypeError` on other input. */
export function base64ToBytes(base64: string): Uint8Array {
  if (!decodeTable) {
    decodeTable = new Int16Array(128).fill(-1)
    for (let i = 0; i < 64; i++) decodeTable[ALPHABET.charCodeAt(i)] = i
    decodeTable[45] = 62 // '-'
    decodeTable[95] = 63 // '_'
  }
  const table = decodeTable
  const clean = base64.replace(/[\s=]+$/g, '').replace(/\s+/g, '')
  if (clean.length % 4 === 1) throw new TypeError('Invalid base64: its length is not possible.')
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4))
  let bits = 0
  let value = 0
  let o = 0
  for (let i = 0; i < clean.length; i++) {
    const c = clean.charCodeAt(i)
    const d = c < 128 ? table[c] : -1
    if (d < 0) throw new TypeError(`Invalid base64: unexpected character at position ${i}.`)
    value = (value << 6) | d
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[o++] = (value >> bits) & 255
    }
  }
  return out
}
