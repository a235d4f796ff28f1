/** A header layer: `null` removes a header set by an earlier layer, `undefined` leaves it alone. */
export type HeadersLike =
  | Headers
  | readonly (readonly [string, string])[]
  | Record<string, string | readonly string[] | null | undefined>
  | null
  | undefined

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

/**
 * Merges header layers, later ones winning per name (case-insensitive). Returns a plain object with lower-case
 * names, which is cheaper to build than a `Headers` and accepted by every `fetch`.
 */
export function mergeHeaders(layers: HeadersLike[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const layer of layers) {
    if (!layer) continue
    if (layer instanceof Headers) {
      layer.forEach((v, k) => {
        out[k] = v
      })
      continue
    }
    const entries = Array.isArray(layer) ? layer : Object.entries(layer)
    for (const [name, value] of entries as [string, unknown][]) {
      if (value === undefined) continue
      if (!TOKEN.test(name)) throw new TypeError(`Header name must be a valid HTTP token ["${name}"]`)
      const key = name.toLowerCase()
      if (value === null) delete out[key]
      else out[key] = Array.isArray(value) ? value.join(', ') : String(value)
    }
  }
  return out
}
