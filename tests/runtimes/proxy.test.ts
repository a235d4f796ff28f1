// @acme/openai-proxy on every server runtime its README shows: each README snippet (Node, Bun, Deno, Cloudflare
// Workers) is taken from packages/proxy/README.md as written, bundled against the BUILT package, started, and driven
// over HTTP by the real client. The upstream is the mock server behind a small gate that can hold a stream open,
// which shows the proxy passes SSE through without buffering on that runtime.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createClient } from '@acme/openai-core'
import { type MockServer, startMockServer } from '@acme/openai-mock'
import { createResponse } from '@acme/openai-responses'
import { Miniflare } from 'miniflare'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundleFor } from './bundle'
import { bundleTargets, type Located, locateBun, locateDeno, type RuntimeName } from './runtimes'
import { COMPATIBILITY_DATE } from './workerd'

const KEY = 'sk-runtime-proxy-key-7d1c'
const readme = readFileSync(fileURLToPath(new URL('../../packages/proxy/README.md', import.meta.url)), 'utf8')
const built = existsSync(fileURLToPath(new URL('../../packages/proxy/dist/index.js', import.meta.url)))

/** The first ```js block under a `### <heading>` of the proxy README. */
function snippet(heading: string): string {
  const section = readme.split(/^### /m).find((s) => s.startsWith(heading))
  const code = section && /```js\n([\s\S]*?)```/.exec(section)?.[1]
  if (!code) throw new Error(`packages/proxy/README.md has no js block under "### ${heading}"`)
  return code
}

const RUNTIMES: { runtime: RuntimeName; heading: string; located: () => Located }[] = [
  { runtime: 'node', heading: 'Node', located: () => ({ path: process.execPath }) },
  { runtime: 'bun', heading: 'Bun', located: locateBun },
  { runtime: 'deno', heading: 'Deno', located: locateDeno },
  { runtime: 'workerd', heading: 'Cloudflare Workers', located: () => ({ path: 'miniflare' }) },
]

let mock: MockServer
let gate: Server
let gateURL: string
let releaseGated: (() => void) | undefined
let workDir: string
const running: (() => Promise<void> | void)[] = []

/**
 * In front of the mock: `input: "gated"` gets one SSE event, then nothing until the test calls `releaseGated`;
 * everything else is passed to the mock as it is.
 */
async function startGate(): Promise<void> {
  gate = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks)
    if (body.includes('"gated"')) {
      res.writeHead(200, { 'content-type': 'text/event-stream' })
      res.write('event: response.created\ndata: {"type":"response.created","sequence_number":0}\n\n')
      await new Promise<void>((resolve) => {
        releaseGated = resolve
      })
      res.end('event: response.completed\ndata: {"type":"response.completed","sequence_number":1}\n\n')
      return
    }
    const answer = await fetch(`${mock.url}${req.url}`, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: req.method === 'GET' ? undefined : body,
    })
    res.writeHead(answer.status, Object.fromEntries(answer.headers))
    res.end(Buffer.from(await answer.arrayBuffer()))
  })
  await new Promise<void>((resolve) => gate.listen(0, '127.0.0.1', resolve))
  gateURL = `http://127.0.0.1:${(gate.address() as AddressInfo).port}/v1`
}

beforeAll(async () => {
  mock = await startMockServer()
  await startGate()
  workDir = mkdtempSync(join(tmpdir(), 'acme-proxy-runtimes-'))
})

afterAll(async () => {
  for (const stop of running) await stop()
  releaseGated?.()
  gate?.closeAllConnections()
  await new Promise<void>((resolve) => (gate ? gate.close(() => resolve()) : resolve()))
  await mock?.close()
  rmSync(workDir, { recursive: true, force: true })
})

/** Starts a child runtime on the bundled snippet and resolves with the URL it prints. */
function startChild(command: string, args: string[], env: Record<string, string>): Promise<string> {
  const child: ChildProcess = spawn(command, args, { cwd: workDir, env, stdio: ['ignore', 'pipe', 'pipe'] })
  running.push(() => void child.kill('SIGKILL'))
  return new Promise((resolve, reject) => {
    let out = ''
    const onData = (chunk: Buffer) => {
      out += chunk
      const url = /proxy listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1]
      if (url) resolve(url)
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk))
    child.once('exit', (code) => reject(new Error(`exited ${code} before listening: ${out}`)))
  })
}

/** Bundles a README snippet for the runtime and starts it; resolves with the proxy's origin. */
async function startProxy(runtime: RuntimeName, heading: string, path: string): Promise<string> {
  const dir = join(workDir, runtime)
  mkdirSync(dir, { recursive: true })
  const entry = join(dir, 'proxy.src.js')
  // Deno users import `npm:@acme/openai-proxy`; the bundle resolves the workspace package instead.
  writeFileSync(entry, snippet(heading).replace("'npm:@acme/openai-proxy'", "'@acme/openai-proxy'"))
  const bundle = join(dir, 'proxy.mjs')
  await bundleFor(bundleTargets[runtime], entry, bundle)
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dir,
    DENO_DIR: join(dir, 'deno-cache'),
    DENO_NO_UPDATE_CHECK: '1',
    NO_COLOR: '1',
    OPENAI_API_KEY: KEY,
    OPENAI_BASE_URL: gateURL,
    PORT: '0',
  }
  if (runtime === 'node') return startChild(path, [bundle], env)
  if (runtime === 'bun') return startChild(path, ['--no-install', bundle], env)
  if (runtime === 'deno')
    return startChild(
      path,
      [
        'run',
        '--quiet',
        '--no-prompt',
        '--no-config',
        '--no-lock',
        '--no-remote',
        '--allow-net=127.0.0.1',
        '--allow-env=OPENAI_API_KEY,OPENAI_BASE_URL,PORT',
        `--allow-read=${dir}`,
        bundle,
      ],
      env,
    )
  const miniflare = new Miniflare({
    host: '127.0.0.1',
    port: 0,
    compatibilityDate: COMPATIBILITY_DATE,
    modulesRoot: dir,
    modules: [{ type: 'ESModule', path: join(dir, 'proxy.mjs'), contents: readFileSync(bundle, 'utf8') }],
    bindings: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: gateURL },
  })
  running.push(() => miniflare.dispose())
  return (await miniflare.ready).origin
}

for (const { runtime, heading, located } of RUNTIMES) {
  const where = located()
  const reason = !built
    ? 'packages/proxy/dist is missing; run pnpm build'
    : 'missing' in where
      ? where.missing
      : undefined
  const suite = reason ? describe.skip : describe
  suite(`${runtime}: the proxy README's ${heading} snippet${reason ? ` (skipped: ${reason})` : ''}`, () => {
    let origin: string
    beforeAll(async () => {
      origin = await startProxy(runtime, heading, 'path' in where ? where.path : '')
    }, 60_000)

    it('streams a Responses answer to a keyless client and adds its key upstream', async () => {
      mock.reset()
      const client = createClient({ baseURL: `${origin}/v1`, apiKey: 'page-key-dropped', maxRetries: 0 })
      const stream = await createResponse(client, { model: 'gpt-5.4', input: 'Proxy hello', stream: true })
      let text = ''
      for await (const event of stream) if (event.type === 'response.output_text.delta') text += event.delta
      expect(text).toBe('Hello! You said: Proxy hello')
      expect(mock.requests.map((r) => [r.method, r.path, r.headers.authorization])).toEqual([
        ['POST', '/v1/responses', `Bearer ${KEY}`],
      ])
    })

    it('passes an SSE event through while the upstream still holds the stream open', async () => {
      const response = await fetch(`${origin}/v1/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'gpt-5.4', input: 'gated', stream: true }),
      })
      const reader = (response.body as ReadableStream<Uint8Array>).getReader()
      const decoder = new TextDecoder()
      let seen = ''
      // Bounded: at most 20 reads; a buffering proxy gives nothing until release, and the test times out.
      for (let i = 0; i < 20 && !seen.includes('response.created'); i++) {
        const { value, done } = await reader.read()
        if (done) break
        seen += decoder.decode(value, { stream: true })
      }
      expect(seen).toContain('response.created')
      expect(seen).not.toContain('response.completed')
      releaseGated?.()
      for (let i = 0; i < 20; i++) {
        const { value, done } = await reader.read()
        if (done) break
        seen += decoder.decode(value, { stream: true })
      }
      expect(seen).toContain('response.completed')
    })

    it('refuses an operation the snippet does not allow, and never shows its key', async () => {
      const refused = await fetch(`${origin}/v1/files`, { method: 'POST', body: '{}' })
      expect(refused.status).toBe(403)
      const text = await refused.text()
      expect(text).toContain('does not allow POST /files')
      expect(text).not.toContain(KEY)
      const outside = await fetch(`${origin}/admin`)
      expect(outside.status).toBe(404)
    })
  })
}
