/**
 * The message of the mock's 404. Every API route lives under `/v1`, so a path without it almost always means a
 * base URL that lacks `/v1`; say so, with the line to fix it.
 */
export function unknownRouteMessage(method: string, path: string, host: string | undefined): string {
  const where = `Invalid URL (${method} ${path})`
  if (path === '/v1' || path.startsWith('/v1/')) return `${where}: the mock server has no such route.`
  const origin = `http://${host || '127.0.0.1:4010'}`
  return (
    `${where}: every API path starts with /v1. Your base URL is probably missing it: ` +
    `set OPENAI_BASE_URL=${origin}/v1 (or baseURL: '${origin}/v1'), so this request goes to /v1${path === '/' ? '' : path}.`
  )
}
