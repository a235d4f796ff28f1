import { sendJson } from '../reply'
import type { Route, RouteContext } from '../route'

/** `/v1/echo/*` (any method): answers 200 with what it received; `body` is the parsed JSON, the text, or null. */
export function echoRequest({ res, request }: RouteContext): void {
  const { method, path, query, headers, json, text } = request
  sendJson(res, 200, {
    method,
    path,
    query,
    headers,
    body: json !== undefined ? json : text === '' ? null : text,
  })
}

/** Routes of the echo area. */
export const echoRoutes: readonly Route[] = [
  { method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], path: '/v1/echo/*', handle: echoRequest },
]
