/** The raw request body exactly as OpenAI sent it: text, or the bytes read from the request. */
export type WebhookPayload = string | ArrayBuffer | ArrayBufferView

/**
 * The bytes the signature covers. A parsed body is refused: re-serialising JSON rarely reproduces the bytes that
 * were signed, so the check would fail for authentic requests.
 */
export function payloadBytes(payload: WebhookPayload): Uint8Array {
  if (typeof payload === 'string') return new TextEncoder().encode(payload)
  if (ArrayBuffer.isView(payload))
    return new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength)
  // toString also recognises an ArrayBuffer made in another realm (vm, iframe), where instanceof fails.
  if (Object.prototype.toString.call(payload) === '[object ArrayBuffer]') return new Uint8Array(payload)
  const kind =
    payload == null
      ? String(payload)
      : typeof payload === 'object'
        ? 'a parsed object'
        : `a ${typeof payload}`
  throw new TypeError(
    `The webhook payload must be the raw request body (a string, Uint8Array or ArrayBuffer), not ${kind}: ` +
      'the signature covers the exact bytes sent. Read it with `await request.text()` or `express.raw({ type: "application/json" })`.',
  )
}
