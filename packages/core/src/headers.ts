/** A header layer: `null` removes a header set by an earlier layer, `undefined` leaves it alone. */
export type HeadersLike =
  | Headers
  | readonly (readonly [string, string | null])[]
  | Record<string, string | readonly string[] | null | undefined>
  | null
  | undefined

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

/**
 * Merges header layers, later ones winning per name (case-insensitive). Inside one layer, a name given twice (as
 * name/value pairs, or an array value) appends, as `Headers.append` does: `cookie` with `; `, others with `, `.
 * Returns a plain object with lower-case names, which is cheaper to build than a `Headers` and accepted by every
 * `fetch`. With `keepNulls`, a `null` stays in the result, so the result can itself be a layer that removes headers.
 */
export function mergeHeaders(layers: HeadersLike[], keepNulls?: boolean): Record<string, string> {
  const out: Record<string, string | null> = {}
  for (const layer of layers) {
    if (!layer) continue
    const seen = new Set<string>()
    const entries: Iterable<[string, unknown]> =
      layer instanceof Headers || Array.isArray(layer) ? (layer as any) : Object.entries(layer)
    for (const [name, value] of entries) {
      if (value === undefined) continue
      if (!TOKEN.test(name)) throw new TypeError(`Header name must be a valid HTTP token ["${name}"]`)
      const key = name.toLowerCase()
      const sep = key === 'cookie' ? '; ' : ', '
      // A name seen earlier in this layer appends; a name from an earlier layer is replaced.
      const earlier = seen.has(key) ? out[key] : null
      seen.add(key)
      if (value === null) {
        if (keepNulls) out[key] = null
        else delete out[key]
      } else if (!Array.isArray(value) || value.length) {
        const joined = Array.isArray(value) ? value.map(String).join(sep) : String(value)
        out[key] = earlier ? earlier + sep + joined : joined
      }
    }
  }
  return out as Record<string, string>
}
