import { once } from 'node:events'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { Readable } from 'node:stream'

/**
 * A `node:http` request listener around a web-standard handler: the request becomes a `Request` (its body a
 * stream, its signal aborted when the client goes away), the `Response` is written back chunk by chunk, so a
 * streamed answer is never buffered.
 *
 * @example
 * createServer(toNodeListener(createProxyHandler({ apiKey, allow: ['createResponse'] }))).listen(8787)
 */
// @__NO_SIDE_EFFECTS__
export function toNodeListener(
  handler: (request: Request) => Promise<Response>,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const controller = new AbortController()
    res.once('close', () => controller.abort())
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers))
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value)
    const method = req.method ?? 'GET'
    const hasBody = method !== 'GET' && method !== 'HEAD'
    const request = new Request(`http://${req.headers.host ?? '127.0.0.1'}${req.url ?? '/'}`, {
      method,
      headers,
      body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
      signal: controller.signal,
      // Node's fetch needs this for a streamed body.
      ...(hasBody ? { duplex: 'half' } : {}),
    } as RequestInit)
    handler(request)
      .then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers))
        if (!response.body) return void res.end()
        const reader = response.body.getReader()
        for (;;) {
          const { done, value } = await reader.read()
          if (done) break
          // Respect backpressure: a slow page slows the upstream read instead of filling memory.
          if (!res.write(value)) await once(res, 'drain')
        }
        res.end()
      })
      .catch(() => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' })
        res.end(
          '{"error":{"message":"The proxy failed.","type":"proxy_error","code":"proxy_failed","param":null}}',
        )
      })
  }
}
