// Request headers a page using the @acme/openai-* client may send; anything else is neither allowed in a preflight
// nor forwarded.
export const FORWARDED_REQUEST_HEADERS = [
  'accept',
  'content-type',
  'idempotency-key',
  'openai-beta',
  'x-client-request-id',
]
const isStainless = (name: string) => name.startsWith('x-stainless-')

/** Whether a request header from the page may pass (preflight and forwarding use the same rule). */
export const isForwardedHeader = (name: string) =>
  FORWARDED_REQUEST_HEADERS.includes(name) || isStainless(name)

/** Response headers the page may read across origins. */
const EXPOSED = 'x-request-id, openai-processing-ms, retry-after, retry-after-ms'

/**
 * The CORS decision for a request: `undefined` when it needs none (no `Origin`, or the proxy's own), headers to add
 * when the origin is allowed, `false` when it is not.
 */
export function corsFor(
  request: Request,
  allowOrigins: readonly string[] | '*' | undefined,
): Record<string, string> | false | undefined {
  const origin = request.headers.get('origin')
  if (!origin || origin === new URL(request.url).origin) return undefined
  const allowed = allowOrigins === '*' || (allowOrigins ?? []).includes(origin)
  if (!allowed) return false
  return {
    'access-control-allow-origin': allowOrigins === '*' ? '*' : origin,
    'access-control-expose-headers': EXPOSED,
    vary: 'origin',
  }
}

/** The answer to a preflight: the methods of the allowed operations, the request headers we forward. */
export function preflightHeaders(
  request: Request,
  cors: Record<string, string>,
  methods: readonly string[],
): Record<string, string> {
  const asked = (request.headers.get('access-control-request-headers') ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h && isForwardedHeader(h))
  return {
    ...cors,
    'access-control-allow-methods': [...new Set(methods)].join(', '),
    ...(asked.length ? { 'access-control-allow-headers': asked.join(', ') } : {}),
    'access-control-max-age': '600',
  }
}
