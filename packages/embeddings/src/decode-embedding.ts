// Kept to a few hundred bytes (a size budget guards it): no core import, the alphabet built rather than spelled.
let table: Uint8Array | undefined
let scratch = new Uint8Array(0)
let encoder: TextEncoder | undefined

/** Base64 character code → 6-bit value; 255 for anything else, so one OR over a group spots a bad character. */
function lookup(): Uint8Array {
  if (!table) {
    table = new Uint8Array(256).fill(255)
    // A-Z, a-z, 0-9, then '+' (43) and '/' (47).
    for (let i = 0; i < 64; i++) table[i < 26 ? i + 65 : i < 52 ? i + 71 : i < 62 ? i - 4 : i * 4 - 205] = i
  }
  return table
}

/**
 * Decodes a base64 embedding (`encoding_format: 'base64'`, little-endian float32) into a `Float32Array` that views
 * the decoded bytes directly, with no further copy. Plain JavaScript (a table-driven loop): the same result on
 * Node, Bun, Deno, workers and browsers, no `Buffer` or `atob` needed. Throws a `RangeError` (as the official
 * decoder does) for text that is not base64 of whole float32 values.
 *
 * @example const vector = decodeEmbedding(line.response.body.data[0].embedding)
 */
export function decodeEmbedding(base64: string): Float32Array {
  let end = base64.length
  while (base64.charCodeAt(end - 1) === 61) end--
  const size = (end * 3) >> 2
  if (scratch.length < end + 4) scratch = new Uint8Array(end + 1024)
  // Reading the characters as bytes through TextEncoder is several times faster than charCodeAt per character.
  // A non-ASCII character takes two or more bytes, so it stops the copy short of `end` characters read.
  let bad = ((encoder ??= new TextEncoder()).encodeInto(base64, scratch.subarray(0, end)).read ^ end) << 6
  // The tail group is padded with 'A' (zero bits); the extra bytes it decodes lie past the returned view.
  scratch.fill(65, end, end + 4)
  const t = lookup()
  const c = scratch
  const bytes = new Uint8Array(((end + 3) >> 2) * 3)
  for (let i = 0, j = 0; i < end; i += 4, j += 3) {
    const a = t[c[i]]
    const b = t[c[i + 1]]
    const d = t[c[i + 2]]
    const e = t[c[i + 3]]
    bad |= a | b | d | e
    const n = (a << 18) | (b << 12) | (d << 6) | e
    bytes[j] = n >> 16
    bytes[j + 1] = n >> 8
    bytes[j + 2] = n
  }
  if (bad > 63 || size % 4) throw new RangeError('decodeEmbedding: not float32 base64')
  // Float32Array reads the host's byte order; every JavaScript host in use is little-endian, as the wire is.
  return new Float32Array(bytes.buffer, 0, size / 4)
}

/** The values of a float32 vector as plain numbers (what `encoding_format: 'float'` would have sent). */
export function toNumbers(vector: Float32Array): number[] {
  const out = new Array<number>(vector.length)
  for (let i = 0; i < vector.length; i++) out[i] = vector[i]
  return out
}
