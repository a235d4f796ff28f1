// The corporate-proxy recipe of packages/core/README.md, run as written in a Node child process with HTTP_PROXY
// pointing at a tiny proxy on 127.0.0.1 (CONNECT tunnels and absolute-form forwarding), against the mock server.
import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { createServer, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { connect } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type MockServer, startMockServer } from '@acme/openai-mock'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { acmeSources } from '../support/acme-sources'

const root = fileURLToPath(new URL('../..', import.meta.url))
const readme = readFileSync(join(root, 'packages/core/README.md'), 'utf8')

/** The ts block of the README section. */
function recipe(): string {
  const section = readme.split(/^## /m).find((s) => s.startsWith('Behind a corporate proxy (Node)'))
  const code = section && /```ts\n([\s\S]*?)```/.exec(section)?.[1]
  if (!code)
    throw new Error('packages/core/README.md has no ts block under "## Behind a corporate proxy (Node)"')
  return code
}

/** What went through the proxy: CONNECT targets and forwarded absolute URLs, with their Proxy-Authorization. */
interface ProxyLog {
  connects: { target: string; auth: string | undefined }[]
  forwarded: { url: string; auth: string | undefined }[]
}

let mock: MockServer
let proxy: Server
let proxyURL: string
const seen: ProxyLog = { connects: [], forwarded: [] }

beforeAll(async () => {
  mock = await startMockServer()
  proxy = createServer((req, res) => {
    // Absolute-form request (plain HTTP through a proxy): forward it.
    seen.forwarded.push({ url: req.url ?? '', auth: req.headers['proxy-authorization'] })
    const target = new URL(req.url ?? '')
    const upstream = httpRequest(target, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    })
    upstream.on('error', () => res.writeHead(502).end())
    req.pipe(upstream)
  })
  proxy.on('connect', (req, client, head) => {
    seen.connects.push({ target: req.url ?? '', auth: req.headers['proxy-authorization'] })
    const [host, port] = (req.url ?? '').split(':')
    // Only 127.0.0.1: the test never reaches beyond the machine.
    if (host !== '127.0.0.1') return void client.end('HTTP/1.1 403 Forbidden\r\n\r\n')
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  proxyURL = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`
})

afterAll(async () => {
  proxy.closeAllConnections()
  await new Promise<void>((resolve) => proxy.close(() => resolve()))
  await mock.close()
})

/** Bundles the README recipe (our packages from source, undici from node_modules) and runs it with `env`. */
async function runRecipe(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  const dir = join(root, '.tmp', 'corporate-proxy')
  mkdirSync(dir, { recursive: true })
  const file = join(dir, 'recipe.mjs')
  await build({
    stdin: { contents: recipe(), resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: file,
    external: ['undici'],
    plugins: [acmeSources()],
    logLevel: 'silent',
  })
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, out })
    })
  })
}

describe('packages/core/README.md: behind a corporate proxy (Node)', () => {
  it('pins undici 6, the major of the fetch inside Node 20 (the recipe tells users to do the same)', () => {
    const undici = JSON.parse(readFileSync(join(root, 'node_modules/undici/package.json'), 'utf8'))
    expect(undici.version).toMatch(/^6\./)
    if (process.version.startsWith('v20.')) expect(process.versions.undici).toMatch(/^6\./)
  })

  it('sends every call through HTTP_PROXY: the proxy sees it, the mock answers', async () => {
    mock.reset()
    const before = seen.connects.length + seen.forwarded.length
    const { code, out } = await runRecipe({
      HTTP_PROXY: proxyURL,
      HTTPS_PROXY: proxyURL,
      OPENAI_BASE_URL: mock.baseURL,
      OPENAI_API_KEY: 'sk-behind-proxy',
    })
    expect(out).toContain('gpt-5.4')
    expect(code).toBe(0)
    const mockHost = new URL(mock.url).host
    const through = [
      ...seen.connects.slice().map((c) => c.target),
      ...seen.forwarded.slice().map((f) => new URL(f.url).host),
    ]
    expect(through.length).toBeGreaterThan(before)
    expect(through).toContain(mockHost)
    expect(mock.requests.map((r) => [r.method, r.path, r.headers.authorization])).toEqual([
      ['GET', '/v1/models', 'Bearer sk-behind-proxy'],
    ])
  })

  it('goes direct when NO_PROXY names the host, so the setting is really read', async () => {
    mock.reset()
    const before = seen.connects.length + seen.forwarded.length
    const { code } = await runRecipe({
      HTTP_PROXY: proxyURL,
      NO_PROXY: '127.0.0.1',
      OPENAI_BASE_URL: mock.baseURL,
      OPENAI_API_KEY: 'sk-direct',
    })
    expect(code).toBe(0)
    expect(seen.connects.length + seen.forwarded.length).toBe(before)
    expect(mock.requests).toHaveLength(1)
  })
})
