import { corsFor, isForwardedHeader, preflightHeaders } from './cors'
import { compileRules, matchOperation } from './operations'
import { proxyError } from './proxy-error'
import { BodyTooLargeError, readCappedBody } from './read-capped-body'
import { redactKey } from './redact'
import type { ProxyOptions } from './types'

// Upstream response headers the page gets; the rest (cookies, encodings the runtime already undid, lengths that
// no longer hold) stay behind.
const PASSED_RESPONSE_HEADERS = /^(content-type|x-request-id|openai-.*|retry-after(-ms)?|x-ratelimit-.*)$/

/**
 * A web-standard handler, `(request: Request) => Promise<Response>`, that lets a browser app call the OpenAI API
 * through your server. It adds the key, lets through only the operations in `allow` (403 otherwise), streams
 * answers (SSE included) back as they arrive, answers CORS for `allowOrigins`, refuses bodies over
 * `maxBodyBytes` (413), and never reveals the key: not in its own errors, its logs, nor upstream errors that
 * quote it. Mount it on Node (`@acme/openai-proxy/node`), Bun, Deno or Cloudflare Workers.
 *
 * @example
 * const handler = createProxyHandler({ apiKey: process.env.OPENAI_API_KEY!, allow: ['createResponse'] })
 * Bun.serve({ fetch: handler }) // the page: createClient({ baseURL: '/v1' }), no key
 */
// @__NO_SIDE_EFFECTS__
export function createProxyHandler(options: ProxyOptions): (request: Request) => Promise<Response> {
  if (typeof options?.apiKey !== 'string' && typeof options?.apiKey !== 'function')
    throw new TypeError('createProxyHandler needs `apiKey`: a string, or a function that returns one.')
  const rules = compileRules(options.allow)
  const methods = rules.map((r) => r.method)
  const prefix = `/${(options.prefix ?? '/v1').replace(/^\/+|\/+$/g, '')}`.replace(/^\/$/, '')
  const upstream = (options.baseURL ?? 'https://api.openai.com/v1').replace(/\/+$/, '')
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init))

  return async (request) => {
    const url = new URL(request.url)
    const method = request.method.toUpperCase()
    let path = url.pathname
    let operation: string | undefined
    const done = (response: Response, refused?: string) => {
      options.log?.({ method, path, operation, status: response.status, ...(refused ? { refused } : {}) })
      return response
    }
    const cors = corsFor(request, options.allowOrigins)
    if (cors === false)
      return done(
        proxyError(403, 'This origin may not use the proxy.', 'origin_not_allowed'),
        'origin_not_allowed',
      )
    const headers = cors ?? {}
    if (prefix && path !== prefix && !path.startsWith(`${prefix}/`))
      return done(proxyError(404, `The proxy serves only ${prefix}/...`, 'not_found', headers), 'not_found')
    path = path.slice(prefix.length) || '/'
    if (method === 'OPTIONS' && request.headers.has('access-control-request-method'))
      return done(
        new Response(null, { status: 204, headers: cors ? preflightHeaders(request, cors, methods) : {} }),
      )
    const rule = matchOperation(rules, method, path)
    if (!rule)
      return done(
        proxyError(
          403,
          `This proxy does not allow ${method} ${path}. Allowed: ${rules.map((r) => r.name).join(', ')}.`,
          'operation_not_allowed',
          headers,
        ),
        'operation_not_allowed',
      )
    operation = rule.name

    let body: Uint8Array | undefined
    try {
      body = method === 'GET' || method === 'HEAD' ? undefined : await readCappedBody(request, maxBodyBytes)
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error
      return done(
        proxyError(
          413,
          `The request body is larger than the proxy's limit of ${maxBodyBytes} bytes.`,
          'body_too_large',
          headers,
        ),
        'body_too_large',
      )
    }

    let key: string
    try {
      key = typeof options.apiKey === 'function' ? await options.apiKey() : options.apiKey
    } catch {
      return done(
        proxyError(500, 'The proxy could not get its API key.', 'proxy_key_unavailable', headers),
        'proxy_key_unavailable',
      )
    }
    const outgoing = new Headers()
    for (const [name, value] of request.headers) if (isForwardedHeader(name)) outgoing.set(name, value)
    outgoing.set('authorization', `Bearer ${key}`)
    if (options.organization) outgoing.set('openai-organization', options.organization)
    if (options.project) outgoing.set('openai-project', options.project)

    let answer: Response
    try {
      answer = await doFetch(`${upstream}${path}${url.search}`, {
        method,
        headers: outgoing,
        body: body as BodyInit | undefined,
        signal: request.signal,
      })
    } catch {
      // The cause may name hosts and sockets; the page needs none of it.
      return done(
        proxyError(502, 'The proxy could not reach the API.', 'upstream_unreachable', headers),
        'upstream_unreachable',
      )
    }
    const passed = new Headers(headers)
    for (const [name, value] of answer.headers)
      if (PASSED_RESPONSE_HEADERS.test(name)) passed.set(name, value)
    if (answer.ok) {
      // The body stream itself: SSE events reach the page as the API sends them.
      return done(new Response(answer.body, { status: answer.status, headers: passed }))
    }
    // Error bodies are small; read them to take out a key the API may quote back.
    const text = redactKey(await answer.text(), key)
    return done(new Response(text, { status: answer.status, headers: passed }))
  }
}
