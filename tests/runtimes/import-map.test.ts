// The root README's "In a browser without a bundler" page, loaded as written in Chromium: the import map points at
// the BUILT dist files (served as an app's node_modules would be), and the page's keyless client goes through
// @acme/openai-proxy on the same origin to the mock server. No bundler anywhere.
import { existsSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type MockServer, startMockServer } from '@acme/openai-mock'
import { createProxyHandler } from '@acme/openai-proxy'
import { toNodeListener } from '@acme/openai-proxy/node'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, loopbackContext } from './chromium'
import { locateChromium } from './runtimes'

const root = fileURLToPath(new URL('../..', import.meta.url))
const KEY = 'sk-import-map-proxy-key'
const readme = readFileSync(join(root, 'README.md'), 'utf8')
const chromium = locateChromium()
const built = ['core', 'responses'].every((d) => existsSync(join(root, 'packages', d, 'dist', 'index.js')))
const reason =
  'missing' in chromium
    ? chromium.missing
    : built
      ? undefined
      : 'packages/{core,responses}/dist missing; run pnpm build'

/** The html block of the README's "In a browser without a bundler" section. */
function page(): string {
  const section = readme.split(/^### /m).find((s) => s.startsWith('In a browser without a bundler'))
  const html = section && /```html\n([\s\S]*?)```/.exec(section)?.[1]
  if (!html) throw new Error('README.md has no html block under "### In a browser without a bundler"')
  return `<!doctype html><html><head><meta charset="utf-8"></head><body>${html}</body></html>`
}

/** `/node_modules/@acme/openai-<dir>/dist/<file>` -> `packages/<dir>/dist/<file>`; nothing else of the repo. */
function distFile(path: string): string | undefined {
  const m = /^\/node_modules\/@acme\/openai-([a-z0-9-]+)\/dist\/([\w./-]+)$/.exec(path)
  if (!m || m[2].split('/').includes('..')) return undefined
  const file = normalize(join(root, 'packages', m[1], 'dist', m[2]))
  return existsSync(file) ? file : undefined
}

let mock: MockServer
let server: Server
let origin: string
let browser: Browser | undefined
const pageRequests: { path: string; authorization: string | undefined }[] = []

beforeAll(async () => {
  if (reason) return
  mock = await startMockServer()
  const proxy = toNodeListener(
    createProxyHandler({ apiKey: KEY, baseURL: mock.baseURL, allow: ['createResponse'] }),
  )
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    pageRequests.push({ path, authorization: req.headers.authorization })
    if (path.startsWith('/v1/')) return proxy(req, res)
    if (path === '/') return void res.writeHead(200, { 'content-type': 'text/html' }).end(page())
    const file = distFile(path)
    if (!file) return void res.writeHead(404).end()
    res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(file))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  browser = await launchChromium((chromium as { path: string }).path)
}, 60_000)

afterAll(async () => {
  await browser?.close()
  server?.closeAllConnections()
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  await mock?.close()
})

describe(`chromium: the README's import-map page${reason ? ` (skipped: ${reason})` : ''}`, () => {
  it.skipIf(Boolean(reason))(
    'loads the dist ESM files by import map and prints the answer',
    { timeout: 40_000 },
    async () => {
      const context = await loopbackContext(browser as Browser)
      const errors: string[] = []
      try {
        const tab = await context.newPage()
        tab.on('pageerror', (error) => errors.push(String(error)))
        tab.on('console', (message) => {
          if (message.type() === 'error') errors.push(message.text())
        })
        await tab.goto(`${origin}/`)
        await tab
          .waitForFunction("document.body.textContent.includes('You said')", null, { timeout: 15_000 })
          .catch(() =>
            errors.push(`no answer on the page; it fetched ${pageRequests.map((r) => r.path).join(', ')}`),
          )
        expect(errors).toEqual([])
        expect(await tab.evaluate('document.body.textContent.trim()')).toContain('Hello! You said: Hello')
      } finally {
        await context.close()
      }
      expect(errors).toEqual([])
      // Only dist files were fetched as modules, and the page's API call carried no key; the proxy added it.
      const modules = pageRequests.filter((r) => r.path.startsWith('/node_modules/')).map((r) => r.path)
      expect(modules).toContain('/node_modules/@acme/openai-core/dist/index.js')
      expect(modules).toContain('/node_modules/@acme/openai-responses/dist/index.js')
      expect(pageRequests.find((r) => r.path === '/v1/responses')?.authorization).toBeUndefined()
      expect(mock.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${KEY}`])
    },
  )
})
