import type { IncomingMessage, ServerResponse } from 'node:http'

/** Lets browser tests on any origin call the server and read every response header. */
export function setCorsHeaders(res: ServerResponse): void {
  res.setHeader('access-control-allow-origin', '*')
  res.setHeader('access-control-allow-headers', '*')
  res.setHeader('access-control-expose-headers', '*')
}

/** Answers a CORS preflight with 204. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  // The `*` wildcard does not cover `Authorization` in browsers, so echo the requested names back as well.
  const requested = req.headers['access-control-request-headers']
  res.writeHead(204, {
    'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'access-control-allow-headers': requested ? `*, ${requested}` : '*',
    'access-control-max-age': '600',
    'content-length': '0',
  })
  res.end()
}
