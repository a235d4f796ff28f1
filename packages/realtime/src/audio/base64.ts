const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
let decodeTable: Int16Array | undefined
let encodeTable: Uint8Array | undefined

/** Standard base64 (with padding) of bytes, without Node's `Buffer` or the Latin-1 detour of `btoa`. */
export function bytesToBase64(bytes: Uint8Array): string {
  // ASCII codes into a byte array, decoded once: far faster than growing a string 4 characters at a time.
  encodeTable ??= new TextEncoder().encode(ALPHABET)
  const CODES = encodeTable
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4)
  const whole = bytes.length - (bytes.length % 3)
  let o = 0
  for (let i = 0; i < whole; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2]
    out[o++] = CODES[n >> 18]
    out[o++] = CODES[(n >> 12) & 63]
    out[o++] = CODES[(n >> 6) & 63]
    out[o++] = CODES[n & 63]
  }
  const rest = bytes.length - whole
  if (rest) {
    const n = (bytes[whole] << 16) | (rest === 2 ? bytes[whole + 1] << 8 : 0)
    out[o++] = CODES[n >> 18]
    out[o++] = CODES[(n >> 12) & 63]
    out[o++] = rest === 2 ? CODES[(n >> 6) & 63] : 61
    out[o++] = 61 // '='
  }
  return new TextDecoder().decode(out)
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
