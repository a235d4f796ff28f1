// The standard alphabet, then the URL-safe `-` and `_`: decoding reads them as 62 and 63, encoding never
// reaches them.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_'

/** Standard base64 (with padding) of bytes, without Node's `Buffer` or the Latin-1 detour of `btoa`. */
export function bytesToBase64(bytes: Uint8Array): string {
  const { length } = bytes
  // ASCII codes into a byte array, decoded once: far faster than growing a string 4 characters at a time.
  const out = new Uint8Array(Math.ceil(length / 3) * 4)
  let o = 0
  for (let i = 0; i < length; i += 3) {
    // Past the end `bytes[i]` is undefined, which `<<` and `|` read as 0; the padding covers what it encodes.
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2]
    out[o++] = ALPHABET.charCodeAt(n >> 18)
    out[o++] = ALPHABET.charCodeAt((n >> 12) & 63)
    out[o++] = ALPHABET.charCodeAt((n >> 6) & 63)
    out[o++] = ALPHABET.charCodeAt(n & 63)
  }
  return new TextDecoder().decode(out.fill(61, o - ((3 - (length % 3)) % 3))) // 61: '='
}

/** Decodes standard or URL-safe base64 (padding optional, whitespace ignored); throws a `TypeError` on other input. */
export function base64ToBytes(base64: string): Uint8Array {
  const clean = base64.replace(/[\s=]+$/g, '').replace(/\s+/g, '')
  if (clean.length % 4 === 1) throw new TypeError('Invalid base64: its length is not possible.')
  const out = new Uint8Array((clean.length * 3) >> 2)
  let bits = 0
  let value = 0
  let o = 0
  for (let i = 0; i < clean.length; i++) {
    const d = ALPHABET.indexOf(clean[i])
    if (d < 0) throw new TypeError(`Invalid base64: unexpected character at position ${i}.`)
    value = (value << 6) | (d > 63 ? d - 2 : d)
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[o++] = (value >> bits) & 255
    }
  }
  return out
}
