import type { IncomingMessage, ServerResponse } from 'node:http'
import type { MockState } from './mock-state'
import type { RecordedRequest } from './types'

/** Everything a route handler gets for one request. */
export interface RouteContext {
  req: IncomingMessage
  res: ServerResponse
  /** The request as recorded (body already read, `json` parsed when it is JSON). */
  request: RecordedRequest
  /** Decoded `:name` path parameters; a trailing `*` is captured as `'*'` (still encoded). */
  params: Record<string, string>
  state: MockState
  /** Aborts when the client goes away or the server closes; long-running handlers must stop then. */
  signal: AbortSignal
}

/** One route: a method (or several), a path pattern such as `/v1/responses/:id` or `/v1/echo/*`, a handler. */
export interface Route {
  method: string | readonly string[]
  path: string
  handle(ctx: RouteContext): void | Promise<void>
  /** The handler reads `req` itself (large uploads): the body is not read up front and is recorded empty. */
  streamBody?: boolean
}

/** Matches a path against a pattern; returns the raw (still encoded) parameters or `null`. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/')
  const got = path.split('/')
  const params: Record<string, string> = {}
  for (let i = 0; i < want.length; i++) {
    const segment = want[i]
    if (segment === '*' && i === want.length - 1) {
      params['*'] = got.slice(i).join('/')
      return got.length > i ? params : null
    }
    if (i >= got.length) return null
    if (segment.startsWith(':')) {
      if (got[i] === '') return null
      params[segment.slice(1)] = got[i]
    } else if (segment !== got[i]) return null
  }
  return got.length === want.length ? params : null
}

/** Finds the first route answering `method` on `path`, with its raw parameters. */
export function findRoute(
  routes: readonly Route[],
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | null {
  for (const route of routes) {
    const methods = typeof route.method === 'string' ? [route.method] : route.method
    if (!methods.includes(method)) continue
    const params = matchPath(route.path, path)
    if (params) return { route, params }
  }
  return null
}

/** Percent-decodes `:name` parameters (not the `*` rest); `null` when one is malformed. */
export function decodeParams(params: Record<string, string>): Record<string, string> | null {
  const decoded: Record<string, string> = {}
  try {
    for (const [name, value] of Object.entries(params))
      decoded[name] = name === '*' ? value : decodeURIComponent(value)
  } catch {
    return null
  }
  return decoded
}
