import { stringifyQuery } from './query'

/**
 * Joins `baseURL` and `path` (an absolute `path` wins) and appends the merged query: the base URL's own query,
 * then `defaultQuery`, then the request's `query` (a later `undefined` removes an earlier key).
 */
export function buildURL(
  baseURL: string,
  path: string,
  defaultQuery?: Record<string, unknown>,
  query?: Record<string, unknown>,
): string {
  let url: string
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) url = path
  else url = baseURL.endsWith('/') && path.startsWith('/') ? baseURL + path.slice(1) : baseURL + path
  if (!defaultQuery && !query) return url
  const q = stringifyQuery({ ...defaultQuery, ...query })
  if (!q) return url
  return url + (url.includes('?') ? '&' : '?') + q
}
