const MAX_REDIRECTS = 20

function hasApiKey(headers: HeadersInit | undefined): boolean {
  if (!headers) return false
  if (headers instanceof Headers) return headers.has('api-key')
  const names = Array.isArray(headers) ? headers.map(([name]) => name) : Object.keys(headers)
  return names.some((name) => name.toLowerCase() === 'api-key')
}

/**
 * Wraps `fetch` so a request carrying `api-key` follows redirects only within its own origin: fetch would resend the
 * key to wherever a `Location` points. A redirect elsewhere comes back as the 3xx response (an `APIError`), as does
 * one that would need a one-shot body sent again. Requests without the header, or whose `redirect` is already
 * `manual` or `error`, are left to `fetch`.
 */
// @__NO_SIDE_EFFECTS__
export function keepKeyOnOrigin(fetchFn: typeof fetch): typeof fetch {
  return async (input, init) => {
    if (!hasApiKey(init?.headers) || (init?.redirect && init.redirect !== 'follow'))
      return fetchFn(input, init)
    let url = String(input instanceof Request ? input.url : input)
    let current: RequestInit = { ...init, redirect: 'manual' }
    for (let hop = 0; ; hop++) {
      const response = await fetchFn(url, current)
      const location = response.headers.get('location')
      if (response.status < 300 || response.status > 399 || !location || hop === MAX_REDIRECTS)
        return response
      const target = new URL(location, url)
      if (target.origin !== new URL(url).origin) return response
      const method = (current.method ?? 'GET').toUpperCase()
      const asGet =
        response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')
      if (!asGet && current.body instanceof ReadableStream) return response
      response.body?.cancel().catch(() => {})
      if (asGet && method !== 'GET' && method !== 'HEAD') {
        const headers = new Headers(current.headers)
        headers.delete('content-type')
        current = { ...current, method: 'GET', body: undefined, headers }
      }
      url = target.href
    }
  }
}
