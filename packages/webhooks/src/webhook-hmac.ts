/** Web Crypto's `SubtleCrypto`, or a clear error on a runtime without it (a browser page served over plain http). */
export function requireSubtleCrypto(): SubtleCrypto {
  const subtle = globalThis.crypto?.subtle
  if (!subtle) {
    throw new TypeError(
      'Webhook signature verification is only supported when the `crypto` global is defined',
    )
  }
  return subtle
}

/**
 * HMAC-SHA256 over the Standard Webhooks content `id.timestamp.payload`. An empty id signs `timestamp.payload`,
 * as openai-node does. The timestamp is the header text as sent, never a re-formatted number.
 */
export async function webhookHmac(
  subtle: SubtleCrypto,
  key: Uint8Array<ArrayBuffer>,
  id: string,
  timestamp: string,
  payload: Uint8Array,
): Promise<Uint8Array> {
  const prefix = new TextEncoder().encode(id ? `${id}.${timestamp}.` : `${timestamp}.`)
  const content = new Uint8Array(prefix.length + payload.length)
  content.set(prefix)
  content.set(payload, prefix.length)
  const hmacKey = await subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  return new Uint8Array(await subtle.sign('HMAC', hmacKey, content))
}
