import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createProxyHandler, type KnownOperation } from '@acme/openai-proxy'
import { toNodeListener } from '@acme/openai-proxy/node'

/** A file the proxy serves as it is. */
export interface StaticAsset {
  type: string
  body: string
}

/** What the page itself sent to `/v1` (before the proxy added the key). */
export interface ProxiedRequest {
  method: string
  path: string
  /** The page's own `authorization` header; `null` when it sent none, as it should. */
  authorization: string | null
}

/** A running proxy. */
export interface BrowserProxy {
  /** `http://127.0.0.1:PORT`: the pages' origin. */
  url: string
  /** Every `/v1` request the pages made, oldest first. */
  proxied: ProxiedRequest[]
  close(): Promise<void>
}

/** Options of {@link startBrowserProxy}. */
export interface BrowserProxyOptions {
  /** The API origin to forward `/v1/...` to (the mock server's `url`). */
  upstream: string
  /** The key the proxy adds; the pages never see it. */
  apiKey: string
  /** Files by path (`/story/index.html`). */
  assets: ReadonlyMap<string, StaticAsset>
  /** The operations the pages may call (default: only `createResponse`). */
  allow?: readonly KnownOperation[]
}

/**
 * The backend a browser app would have, on 127.0.0.1: it serves the pages and hands `/v1/...` to the shipped
 * `@acme/openai-proxy` handler (the story's page only creates responses), which adds its own `Authorization` and
 * streams the answer back as it arrives (SSE included). Pages and API share one origin, so the page needs no CORS
 * and holds no key.
 */
export async function startBrowserProxy(options: BrowserProxyOptions): Promise<BrowserProxy> {
  const proxied: ProxiedRequest[] = []
  const forward = toNodeListener(
    createProxyHandler({
      apiKey: options.apiKey,
      baseURL: `${options.upstream}/v1`,
      allow: options.allow ?? ['createResponse'],
    }),
  )
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://proxy.invalid').pathname
    if (path.startsWith('/v1/')) {
      proxied.push({ method: req.method ?? 'GET', path, authorization: req.headers.authorization ?? null })
      return forward(req, res)
    }
    const asset = options.assets.get(path)
    if (!asset) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`no asset at ${path}`)
      return
    }
    res.writeHead(200, { 'content-type': asset.type, 'cache-control': 'no-store' }).end(asset.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    proxied,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
