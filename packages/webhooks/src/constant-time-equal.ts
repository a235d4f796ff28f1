/**
 * Compares two byte arrays without an early exit, so the time taken does not reveal how long a prefix of a
 * forged signature was right. The length is not secret (an HMAC-SHA256 is always 32 bytes).
 */
export function constantTimeEqual(a: Uint8Array | undefined, b: Uint8Array): boolean {
  if (a?.length !== b.length) return false
  let difference = 0
  for (let i = 0; i < b.length; i++) difference |= a[i] ^ b[i]
  return difference === 0
}
