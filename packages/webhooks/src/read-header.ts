/**
 * Request headers in the shapes servers hand out: a fetch `Headers` (or anything with a `get(name)` method), a plain
 * object, or Node's `IncomingHttpHeaders` where a repeated header is an array. Names match case-insensitively.
 */
export type WebhookHeaders =
  | { get(name: string): string | null | undefined }
  | Readonly<Record<string, string | readonly string[] | undefined>>

/**
 * Reads one header by its lowercase name. A repeated header is joined with `, `, as `Headers#get` does, so every
 * shape gives the same text; a value that is not a string counts as absent.
 */
export function readHeader(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof headers !== 'object' || headers === null) {
    throw new TypeError('Pass the request headers (a Headers object or a plain object) to verify a webhook')
  }
  if (typeof headers.get === 'function') {
    const value = (headers as { get(name: string): unknown }).get(name)
    return typeof value === 'string' ? value : undefined
  }
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() !== name) continue
    const value = (headers as Record<string, unknown>)[key]
    if (typeof value === 'string') return value
    if (Array.isArray(value)) return value.filter((item) => typeof item === 'string').join(', ')
  }
  return undefined
}
