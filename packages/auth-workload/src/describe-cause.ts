/**
 * A one-line account of an error for our own messages: its message, plus what fetch's generic "fetch failed"
 * hides in `cause` (a system code such as `ECONNREFUSED`, else the inner message).
 */
export function describeCause(cause: unknown): string {
  const e = cause as {
    message?: unknown
    code?: unknown
    cause?: { code?: unknown; message?: unknown }
  } | null
  const message = typeof e?.message === 'string' && e.message ? e.message : String(cause)
  const inner =
    typeof e?.code === 'string'
      ? e.code
      : typeof e?.cause?.code === 'string'
        ? e.cause.code
        : typeof e?.cause?.message === 'string'
          ? e.cause.message
          : ''
  return inner && !message.includes(inner) ? `${message} (${inner})` : message
}
