// The runtime matrix (issue 8). The same smoke suite per package runs on Node 20, Bun, Deno, workerd (Miniflare)
// and Chromium (playwright-core + Debian chromium), bundled from the BUILT packages with each runtime's export
// conditions, against the built mock server on 127.0.0.1. Then two end-to-end stories: a browser page that streams
// through a key-adding proxy, and a workerd edge worker that streams SSE and verifies webhooks.
// A runtime missing on this machine, or a package not built yet, is skipped by name with the reason.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { signWebhook } from '@acme/openai-webhooks'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BrowserProxy, type StaticAsset, startBrowserProxy } from './browser-proxy'
import { bundleFor } from './bundle'
import { childRuntime, runInChild } from './child-runtime'
import { launchChromium, loopbackContext, runInPage } from './chromium'
import { knownIssueOf } from './known-issues'
import {
  bundleTargets,
  type Located,
  locateBun,
  locateChromium,
  locateDeno,
  pathOf,
  type RuntimeName,
} from './runtimes'
import type { SmokeContext, SmokeOutcome } from './smoke-outcome'
import { missingBuild, packagesDir, type SmokePackage, smokeFile, smokePackages } from './smoke-packages'
import { startWorkerd, type WorkerdMatrix } from './workerd'

const RUNTIMES: RuntimeName[] = ['node', 'bun', 'deno', 'workerd', 'chromium']
const API_KEY = 'sk-matrix-test'
const PROXY_KEY = 'sk-proxy-only-key'
const EDGE_KEY = 'sk-edge-binding-key'
const WEBHOOK_SECRET = `whsec_${btoa('edge-worker-webhook-secret-32by')}`
const CASE_TIMEOUT = 60_000

const located: Record<RuntimeName, Located> = {
  node: { path: process.execPath },
  bun: locateBun(),
  deno: locateDeno(),
  workerd: { path: 'miniflare (in-process)' },
  chromium: locateChromium(),
}
const mockMissing = missingBuild('mock-server')
const missingRuntime = (runtime: RuntimeName) => {
  const where = located[runtime]
  return 'missing' in where ? where.missing : null
}
// Said once, plainly, before the skipped cases are listed.
for (const runtime of RUNTIMES) {
  const reason = missingRuntime(runtime)
  if (reason) console.warn(`${runtime} suite skipped: ${reason}`)
}
if (mockMissing) console.warn(`runtime matrix skipped: the mock server is not built (${mockMissing})`)
for (const pkg of smokePackages) {
  const reason = missingBuild(pkg.dir)
  if (reason && !mockMissing) console.warn(`${pkg.dir} smoke skipped on every runtime: ${reason}`)
}

/** Why a case cannot run here, or `null`. */
function skipReason(runtime: RuntimeName, pkg: SmokePackage): string | null {
  return mockMissing ?? missingRuntime(runtime) ?? missingBuild(pkg.dir) ?? pkg.notFor?.[runtime] ?? null
}

const workDir = mkdtempSync(join(tmpdir(), 'acme-runtimes-'))
const bundleDir = join(workDir, 'bundles')
const assets = new Map<string, StaticAsset>()
const bundles = new Map<string, Promise<string>>()
// The stories' bundles; a story awaits its own first, so a build error is what it reports.
const storyBundles: { answer?: Promise<string>; guard?: Promise<string>; edge?: Promise<string> } = {}
let mock: any
let workerd: WorkerdMatrix | undefined
let workerdFailure: unknown
let browser: Browser | undefined
let chromiumSetup: { proxy: BrowserProxy; context: BrowserContext; smokePage: Page } | undefined
let chromiumFailure: unknown

const smokeKey = (runtime: RuntimeName, dir: string) => `${runtime}/${dir}`
const storyBuilt = (...dirs: string[]) => dirs.every((dir) => missingBuild(dir) === null) && !mockMissing

/** Bundles `entry` for a runtime into `bundleDir/<name>`; the promise rejects with esbuild's message. */
function bundle(runtime: RuntimeName, entry: string, name: string): Promise<string> {
  const file = join(bundleDir, runtime, name)
  return bundleFor(bundleTargets[runtime], entry, file).then(() => file)
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))
const html = (body: string): StaticAsset => ({ type: 'text/html; charset=utf-8', body })
const javascript = (file: string): StaticAsset => ({
  type: 'text/javascript; charset=utf-8',
  body: readFileSync(file, 'utf8'),
})

beforeAll(async () => {
  if (mockMissing) return
  const { startMockServer } = await import(pathToFileURL(`${packagesDir}mock-server/dist/index.js`).href)
  mock = await startMockServer()

  for (const runtime of RUNTIMES)
    for (const pkg of smokePackages)
      if (!skipReason(runtime, pkg))
        bundles.set(smokeKey(runtime, pkg.dir), bundle(runtime, smokeFile(pkg), `${pkg.dir}.mjs`))
  const canBrowse = !missingRuntime('chromium')
  if (canBrowse && storyBuilt('core', 'responses'))
    storyBundles.answer = bundle('chromium', here('./browser-story/answer-page.js'), 'answer-page.js')
  if (canBrowse && storyBuilt('core'))
    storyBundles.guard = bundle('chromium', here('./browser-story/guard-page.js'), 'guard-page.js')
  if (!missingRuntime('workerd') && storyBuilt('core', 'responses', 'webhooks'))
    storyBundles.edge = bundle('workerd', here('../../examples/edge-worker/worker.js'), 'edge-worker.mjs')
  // A failed bundle fails its own case, not the whole file.
  await Promise.allSettled([...bundles.values(), ...Object.values(storyBundles)])

  if (canBrowse) {
    assets.set('/smoke/blank.html', html('<!doctype html><meta charset="utf-8"><title>smoke</title>'))
    for (const pkg of smokePackages) {
      const file = await bundles.get(smokeKey('chromium', pkg.dir))?.catch(() => null)
      if (file) assets.set(`/smoke/${pkg.dir}.mjs`, javascript(file))
    }
    const storyFile = await storyBundles.answer?.catch(() => null)
    if (storyFile) {
      assets.set('/story/answer.html', html(readFileSync(here('./browser-story/answer.html'), 'utf8')))
      assets.set('/story/answer-page.js', javascript(storyFile))
    }
    const guardFile = await storyBundles.guard?.catch(() => null)
    if (guardFile) {
      assets.set('/story/guard.html', html(readFileSync(here('./browser-story/guard.html'), 'utf8')))
      assets.set('/story/guard-page.js', javascript(guardFile))
    }
    const proxy = await startBrowserProxy({ upstream: mock.url, apiKey: PROXY_KEY, assets })
    try {
      browser = await launchChromium(pathOf(located.chromium))
      const context = await loopbackContext(browser)
      chromiumSetup = { proxy, context, smokePage: await context.newPage() }
    } catch (error) {
      chromiumFailure = error
      await proxy.close()
    }
  }

  if (!missingRuntime('workerd')) {
    const smokeBundles = new Map<string, string>()
    for (const pkg of smokePackages) {
      const file = await bundles.get(smokeKey('workerd', pkg.dir))?.catch(() => null)
      if (file) smokeBundles.set(pkg.dir, file)
    }
    const edgeFile = await storyBundles.edge?.catch(() => null)
    const bindings = {
      OPENAI_API_KEY: EDGE_KEY,
      OPENAI_BASE_URL: mock.baseURL,
      OPENAI_WEBHOOK_SECRET: WEBHOOK_SECRET,
    }
    try {
      workerd = await startWorkerd(
        bundleDir,
        smokeBundles,
        edgeFile ? [{ name: 'edge-worker', file: edgeFile, bindings }] : [],
      )
    } catch (error) {
      workerdFailure = error
    }
  }
}, 120_000)

afterAll(async () => {
  await browser?.close().catch(() => {})
  await workerd?.dispose().catch(() => {})
  await chromiumSetup?.proxy.close()
  await mock?.close()
  rmSync(workDir, { recursive: true, force: true })
}, 60_000)

/** The browser, its page server and proxy; throws why chromium did not start. */
function chromiumReady() {
  if (!chromiumSetup) throw new Error(`chromium did not start: ${String(chromiumFailure)}`)
  return chromiumSetup
}

/** Runs one package's smoke bundle on one runtime. */
async function runSmoke(runtime: RuntimeName, dir: string, file: string): Promise<SmokeOutcome> {
  const context: SmokeContext = { runtime, baseURL: mock.baseURL, mockURL: mock.url, apiKey: API_KEY }
  if (runtime === 'workerd') {
    if (!workerd) throw new Error(`workerd did not start: ${String(workerdFailure)}`)
    return workerd.runSmoke(dir, context)
  }
  if (runtime === 'chromium') {
    const { smokePage, proxy } = chromiumReady()
    return runInPage(smokePage, `${proxy.url}/smoke/blank.html`, `${proxy.url}/smoke/${dir}.mjs`, context)
  }
  const child = childRuntime(runtime, pathOf(located[runtime]), bundleDir)
  return runInChild(child, file, context, { workDir, timeoutMs: 45_000 })
}

// The checks each package ran (passed or skipped) on the first runtime; every other runtime must run the same.
const checksByPackage = new Map<string, string[]>()

/** Runs a case and checks its report; a failure comes back as an Error naming the package and runtime. */
async function smokeCase(runtime: RuntimeName, pkg: SmokePackage): Promise<void> {
  mock.reset()
  const file = await bundles.get(smokeKey(runtime, pkg.dir))!
  const outcome = await runSmoke(runtime, pkg.dir, file)
  if (!outcome.ok) throw new Error(`${pkg.name} smoke failed on ${runtime}:\n${outcome.error}`)
  for (const { name, reason } of outcome.skipped)
    console.info(`${runtime}: ${pkg.dir}: "${name}" skipped, ${reason}`)
  const checks = [...outcome.passed, ...outcome.skipped.map((s) => s.name)].sort()
  expect(outcome.passed.length).toBeGreaterThan(0)
  if (!checksByPackage.has(pkg.dir)) checksByPackage.set(pkg.dir, checks)
  expect(checks).toEqual(checksByPackage.get(pkg.dir))
}

describe('runtime matrix: one smoke suite per package on every runtime', () => {
  for (const runtime of RUNTIMES)
    for (const pkg of smokePackages) {
      const reason = skipReason(runtime, pkg)
      const issue = knownIssueOf(runtime, pkg.dir)
      if (reason) it.skip(`${runtime}: ${pkg.dir} (skipped: ${reason})`, () => {})
      else if (!issue) it(`${runtime}: ${pkg.dir}`, () => smokeCase(runtime, pkg), CASE_TIMEOUT)
      else
        it(
          `${runtime}: ${pkg.dir} (known issue: ${issue.summary})`,
          async () => {
            const failure = await smokeCase(runtime, pkg).then(
              () => null,
              (error: Error) => error,
            )
            if (!failure)
              throw new Error(
                `Fixed: remove the ${runtime}/${pkg.dir} entry from tests/runtimes/known-issues.ts.`,
              )
            if (!issue.match.test(failure.message)) throw failure
            console.warn(`${runtime}: ${pkg.dir}: known issue still present: ${issue.summary}`)
          },
          CASE_TIMEOUT,
        )
    }
})

// Mirrors core's browser-guard.ts: the message is API, so a change to it should be a deliberate one.
const BROWSER_GUARD_ERROR =
  "OpenAIError: It looks like you're running in a browser-like environment.\n\n" +
  'This is disabled by default, as it risks exposing your secret API credentials to attackers.\n' +
  'If you understand the risks and have appropriate mitigations in place,\n' +
  'you can set the `dangerouslyAllowBrowser` option to `true`, e.g.,\n\n' +
  'createClient({ apiKey, dangerouslyAllowBrowser: true });\n\n' +
  'Or leave out the key and point `baseURL` at a proxy of yours that adds it.\n\n' +
  'https://help.openai.com/en/articles/5112595-best-practices-for-api-key-safety\n'

describe('browser story (Chromium): a page streams through a key-adding proxy', () => {
  const reason =
    mockMissing ?? missingRuntime('chromium') ?? missingBuild('core') ?? missingBuild('responses')
  const story = reason ? it.skip : it
  const suffix = reason ? ` (skipped: ${reason})` : ''

  story(
    `chromium: a page with only createResponse streams the answer through the proxy and holds no key${suffix}`,
    async () => {
      mock.reset()
      await storyBundles.answer
      const { proxy, context } = chromiumReady()
      const before = proxy.proxied.length
      const question = 'Stream me a haiku'
      const page = await context.newPage()
      try {
        await page.goto(`${proxy.url}/story/answer.html?q=${encodeURIComponent(question)}`)
        await page.waitForFunction(
          "document.getElementById('status').textContent !== 'loading' && document.getElementById('status').textContent !== 'streaming'",
          null,
          { timeout: 20_000 },
        )
        expect(await page.textContent('#status')).toBe('done')
        expect(await page.textContent('#answer')).toBe(`Hello! You said: ${question}`)
        // One render per streamed delta: 'Hello! ', 'You ', 'said: ', 'Stream ', 'me ', 'a ', 'haiku'.
        expect(await page.getAttribute('#answer', 'data-deltas')).toBe('7')
      } finally {
        await page.close()
      }
      // Same origin (no CORS preflight), and the page sent no key of its own.
      expect(proxy.proxied.slice(before)).toEqual([
        { method: 'POST', path: '/v1/responses', authorization: null },
      ])
      expect(
        mock.requests.map((r: any) => [r.method, r.path, r.headers.authorization, r.json.stream]),
      ).toEqual([['POST', '/v1/responses', `Bearer ${PROXY_KEY}`, true]])
      expect(assets.get('/story/answer-page.js')!.body).not.toContain(PROXY_KEY)
    },
    CASE_TIMEOUT,
  )

  story(
    `chromium: a page that sets a key without dangerouslyAllowBrowser gets the browser guard error${suffix}`,
    async () => {
      await storyBundles.guard
      const { proxy, context } = chromiumReady()
      const before = proxy.proxied.length
      const page = await context.newPage()
      try {
        await page.goto(`${proxy.url}/story/guard.html`)
        await page.waitForFunction("document.getElementById('result').textContent !== 'loading'", null, {
          timeout: 20_000,
        })
        expect(await page.textContent('#result')).toBe(BROWSER_GUARD_ERROR)
      } finally {
        await page.close()
      }
      expect(proxy.proxied.length).toBe(before)
    },
    CASE_TIMEOUT,
  )
})

/** Splits a server-sent-events body into `{ event, data }` frames (data parsed as JSON). */
function sseFrames(text: string): { event: string; data: any }[] {
  return text
    .split('\n\n')
    .filter((frame) => frame.trim() !== '')
    .map((frame) => {
      const field = (name: string) =>
        frame
          .split('\n')
          .find((line) => line.startsWith(`${name}: `))
          ?.slice(name.length + 2) ?? ''
      return { event: field('event'), data: JSON.parse(field('data')) }
    })
}

describe('edge-function story (workerd): examples/edge-worker/worker.js', () => {
  const reason =
    mockMissing ??
    missingRuntime('workerd') ??
    missingBuild('core') ??
    missingBuild('responses') ??
    missingBuild('webhooks')
  const story = reason ? it.skip : it
  const suffix = reason ? ` (skipped: ${reason})` : ''
  const edge = async (
    path: string,
    init: { method: string; headers?: Record<string, string>; body?: string },
  ) => {
    await storyBundles.edge
    if (!workerd) throw new Error(`workerd did not start: ${String(workerdFailure)}`)
    return workerd.miniflare.dispatchFetch(`http://127.0.0.1${path}`, init)
  }
  const ask = (question: string) =>
    edge('/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question }),
    })

  story(
    `workerd: POST /ask streams the Responses answer back as SSE${suffix}`,
    async () => {
      mock.reset()
      const response = await ask('Edge hello')
      expect([response.status, response.headers.get('content-type')]).toEqual([
        200,
        'text/event-stream; charset=utf-8',
      ])
      const frames = sseFrames(await response.text())
      expect(frames.every((f) => f.event === f.data.type)).toBe(true)
      expect([frames[0].event, frames.at(-1)!.event]).toEqual(['response.created', 'response.completed'])
      const text = frames
        .filter((f) => f.event === 'response.output_text.delta')
        .map((f) => f.data.delta)
        .join('')
      expect(text).toBe('Hello! You said: Edge hello')
      expect(mock.requests.map((r: any) => [r.method, r.path, r.headers.authorization, r.json])).toEqual([
        [
          'POST',
          '/v1/responses',
          `Bearer ${EDGE_KEY}`,
          { model: 'gpt-4o-mini', input: 'Edge hello', stream: true },
        ],
      ])
    },
    CASE_TIMEOUT,
  )

  story(
    `workerd: a stream that fails midway ends with an in-band SSE error event${suffix}`,
    async () => {
      mock.reset()
      const response = await ask('trigger error')
      expect(response.status).toBe(200)
      const frames = sseFrames(await response.text())
      expect(frames.map((f) => f.event)).toEqual([
        'response.created',
        'response.in_progress',
        'response.output_item.added',
        'response.content_part.added',
        'response.output_text.delta',
        'error',
      ])
      expect(frames.at(-1)!.data).toEqual({
        type: 'error',
        message: 'The mock server failed this stream on purpose (the input was "trigger error").',
      })
    },
    CASE_TIMEOUT,
  )

  story(
    `workerd: an API error before the stream starts is a 502 with the API's message${suffix}`,
    async () => {
      mock.reset()
      mock.enqueueFault({
        match: { path: '/v1/responses' },
        status: 400,
        body: {
          error: { message: 'Invalid model.', type: 'invalid_request_error', param: 'model', code: null },
        },
      })
      const response = await ask('anything')
      expect([response.status, await response.json()]).toEqual([502, { error: '400 Invalid model.' }])
      expect(mock.requests.length).toBe(1)
    },
    CASE_TIMEOUT,
  )

  story(
    `workerd: POST /webhooks/openai accepts a signed webhook and refuses a forged one${suffix}`,
    async () => {
      const body = JSON.stringify({
        id: 'evt_edge',
        object: 'event',
        created_at: Math.floor(Date.now() / 1000),
        type: 'response.completed',
        data: { id: 'resp_edge' },
      })
      const headers = {
        ...(await signWebhook(body, { secret: WEBHOOK_SECRET })),
        'content-type': 'application/json',
      }
      const accepted = await edge('/webhooks/openai', { method: 'POST', headers, body })
      expect([accepted.status, await accepted.json()]).toEqual([
        200,
        { received: 'response.completed', response_id: 'resp_edge' },
      ])
      const forged = await edge('/webhooks/openai', {
        method: 'POST',
        headers,
        body: body.replace('resp_edge', 'resp_forged'),
      })
      expect([forged.status, await forged.json()]).toEqual([400, { error: 'Invalid webhook signature.' }])
    },
    CASE_TIMEOUT,
  )
})
