import type { ServerResponse } from 'node:http'

/** The `error` object of an OpenAI error body. */
export interface OpenAIErrorObject {
  message: string
  type: string
  param: string | null
  code: string | null
}

/** Sends `body` as JSON with `status` (headers set earlier with `setHeader`, e.g. CORS, are kept). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  })
  res.end(text)
}

/** The OpenAI error type the real API uses for a status. */
export function errorTypeFor(status: number): string {
  if (status === 401) return 'authentication_error'
  if (status === 403) return 'permission_error'
  if (status === 429) return 'requests'
  if (status >= 500) return 'server_error'
  return 'invalid_request_error'
}

/** Sends an OpenAI-shaped error: `{"error":{"message","type","param","code"}}`. */
export function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  details: Partial<Omit<OpenAIErrorObject, 'message'>> = {},
): void {
  const error: OpenAIErrorObject = {
    message,
    type: details.type ?? errorTypeFor(status),
    param: details.param ?? null,
    code: details.code ?? null,
  }
  sendJson(res, status, { error })
}

/** 404 for an unknown object id. */
export function sendNotFound(
  res: ServerResponse,
  what: string,
  id: string,
  param: string | null = null,
): void {
  sendError(res, 404, `No ${what} found with id '${id}'.`, { param, code: param ? null : 'not_found' })
}
