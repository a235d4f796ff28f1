import { OpenAIError } from './errors'

// Characters RFC 3986 allows in a path segment, besides unreserved ones; everything else is percent-encoded.
const encodeSegment = (s: string) => s.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@]+/g, encodeURIComponent)
const DOT_SEGMENT = /(?<=^|\/)(?:\.|%2e){1,2}(?=\/|$)/gi

/**
 * Template tag for API paths: interpolated values are percent-encoded, and a value that is not a string or number,
 * or that would make a `.` / `..` segment (path traversal), is refused with an error that underlines the culprit.
 *
 * @example path`/responses/${id}/input_items`
 */
export function path(statics: TemplateStringsArray, ...params: unknown[]): string {
  let out = statics[0]
  let afterQuery = /[?#]/.test(out)
  const spans: { start: number; length: number; reason: string }[] = []
  for (let i = 0; i < params.length; i++) {
    const value = params[i]
    let text = defaultString(value)
    if (text) {
      const kind = Object.prototype.toString.call(value).slice(8, -1)
      spans.push({
        start: out.length,
        length: text.length,
        reason: `Value of type ${kind} is not a valid path parameter`,
      })
    } else {
      text = afterQuery ? encodeURIComponent(String(value)) : encodeSegment(String(value))
    }
    out += text + statics[i + 1]
    if (!afterQuery && /[?#]/.test(statics[i + 1])) afterQuery = true
  }
  const pathPart = out.split(/[?#]/, 1)[0]
  for (const m of pathPart.matchAll(DOT_SEGMENT)) {
    spans.push({
      start: m.index!,
      length: m[0].length,
      reason: `Value "${m[0]}" can't be safely passed as a path parameter`,
    })
  }
  if (spans.length) {
    spans.sort((a, b) => a.start - b.start)
    let underline = ''
    for (const s of spans) {
      underline += ' '.repeat(Math.max(0, s.start - underline.length)) + '^'.repeat(s.length)
    }
    throw new OpenAIError(
      `Path parameters result in path with invalid segments:\n${spans.map((s) => s.reason).join('\n')}\n${out}\n${underline}`,
    )
  }
  return out
}

/**
 * The text to show for a value that cannot be a path parameter, or `''` when it can: `null`, `undefined`, symbols,
 * functions, and objects that only have the default `[object Tag]` form, whichever realm (e.g. `node:vm`, an
 * iframe) made them. A boxed string or an object with its own `toString` is fine.
 */
function defaultString(value: unknown): string {
  if (value == null || typeof value === 'function' || typeof value === 'symbol') return String(value)
  if (typeof value !== 'object') return ''
  let text: string
  try {
    text = String(value)
  } catch {
    // No usable toString (e.g. Object.create(null)).
    return Object.prototype.toString.call(value)
  }
  return /^\[object [^\]]*\]$/.test(text) ? text : ''
}
