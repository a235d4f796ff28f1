import { isObject } from './input-kinds'

/** The last path segment, splitting on `/` and `\`; `undefined` when there is none. */
export function basename(value: string): string | undefined {
  return value.split(/[\\/]/).pop() || undefined
}

/**
 * The file name an object carries, as openai-node infers it: its `name` or `filename` (directories dropped), else
 * the last segment of its `url` (percent-decoded, control characters kept encoded), else its `path`'s basename
 * (an `fs.ReadStream` has one).
 */
export function inferFileName(value: unknown): string | undefined {
  if (!isObject(value)) return undefined
  const v = value
  const explicit = (typeof v.name === 'string' && v.name) || (typeof v.filename === 'string' && v.filename)
  if (explicit) return basename(explicit)
  if (typeof v.url === 'string' && v.url) {
    try {
      const segment = basename(new URL(v.url).pathname)
      return segment && basename(decodeUrlSegment(segment))
    } catch {
      return basename(v.url)
    }
  }
  // A Node stream's `path` may be a Buffer.
  if (typeof v.path === 'string' || isObject(v.path)) {
    const path = String(v.path)
    return path && path !== '[object Object]' ? basename(path) : undefined
  }
  return undefined
}

function decodeUrlSegment(segment: string): string {
  try {
    const decoded = decodeURIComponent(segment)
    // A decoded CR, LF or quote would break the multipart header the name goes into.
    if (/%(?:0[AD]|22)/i.test(decoded)) return segment
    return decoded.replace(/[\u0000-\u001F\u007F]/g, encodeURIComponent)
  } catch {
    return segment
  }
}
