import { OpenAIError } from './errors'

// `[object Tag]`, the same for objects from any realm.
const tag = (value: unknown) => ({}).toString.call(value)

/**
 * Template tag for API paths: interpolated values are percent-encoded, and a value that is not a string or number,
 * or that would make a `.` / `..` segment (path traversal), is refused with an error that underlines the culprit.
 *
 * @example path`/responses/${id}/input_items`
 */
export function path(statics: TemplateStringsArray, ...params: unknown[]): string {
  let out = statics[0]
  let afterQuery = /[?#]/.test(out)
  // [start, length, reason]
  const spans: [number, number, string][] = []
  params.forEach((value, i) => {
    // Refused: null, undefined, symbols, functions, and objects that only have the default `[object Tag]` form,
    // whichever realm (e.g. `node:vm`) made them. A boxed string or an object with its own `toString` is fine.
    const type = typeof value
    let bad = value == null || type === 'function' || type === 'symbol'
    let text: string
    try {
      text = String(value)
      bad ||= type === 'object' && /^\[object [^\]]*\]$/.test(text)
    } catch {
      // No usable toString (e.g. Object.create(null)).
      text = tag(value)
      bad = true
    }
    if (bad)
      spans.push([
        out.length,
        text.length,
        `Value of type ${tag(value).slice(8, -1)} is not a valid path parameter`,
      ])
    else
      text = afterQuery
        ? encodeURIComponent(text)
        : // Characters RFC 3986 allows in a path segment, besides unreserved ones, stay as they are.
          text.replace(/[^\w\-.~!$&'()*+,;=:@]+/g, encodeURIComponent)
    out += text + statics[i + 1]
    afterQuery ||= /[?#]/.test(statics[i + 1])
  })
  for (const m of out.split(/[?#]/, 1)[0].matchAll(/(?<=^|\/)(?:\.|%2e){1,2}(?=\/|$)/gi))
    spans.push([m.index!, m[0].length, `Value "${m[0]}" can't be safely passed as a path parameter`])
  if (spans.length) {
    let underline = ''
    for (const [start, length] of spans.sort((a, b) => a[0] - b[0]))
      underline = underline.padEnd(start) + '^'.repeat(length)
    throw new OpenAIError(
      `Path parameters result in path with invalid segments:\n${spans.map((s) => s[2]).join('\n')}\n${out}\n${underline}`,
    )
  }
  return out
}
