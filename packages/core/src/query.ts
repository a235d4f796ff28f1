const encode = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

function appendPairs(out: string[], key: string, value: unknown): void {
  if (value === undefined) return
  if (value === null) out.push(`${encode(key)}=`)
  else if (value instanceof Date) out.push(`${encode(key)}=${encode(value.toISOString())}`)
  else if (Array.isArray(value)) for (const v of value) appendPairs(out, `${key}[]`, v)
  else if (typeof value === 'object')
    for (const k of Object.keys(value)) appendPairs(out, `${key}[${k}]`, (value as any)[k])
  else out.push(`${encode(key)}=${encode(String(value))}`)
}

/**
 * Serialises a query object the way the OpenAI API reads it: `a[]=1&a[]=2`, `b[c]=x`, `null` as `key=`,
 * `undefined` dropped, dates as ISO strings, own properties only, RFC 3986 encoding (space is `%20`).
 */
export function stringifyQuery(query: Record<string, unknown>): string {
  const out: string[] = []
  // Own keys only: a polluted `Object.prototype` must not reach the URL.
  for (const key of Object.keys(query)) appendPairs(out, key, query[key])
  return out.join('&')
}
