/** Thrown by {@link readCappedBody} when the body is bigger than the cap. */
export class BodyTooLargeError extends Error {}

/**
 * The request body as bytes, refusing more than `max` bytes: early from `content-length`, else while reading, so
 * a body without a length cannot make the proxy hold more than the cap.
 */
export async function readCappedBody(request: Request, max: number): Promise<Uint8Array | undefined> {
  if (!request.body) return undefined
  const declared = Number(request.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > max) throw new BodyTooLargeError()
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > max) {
      await reader.cancel().catch(() => {})
      throw new BodyTooLargeError()
    }
    chunks.push(value)
  }
  const body = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.byteLength
  }
  return body
}
