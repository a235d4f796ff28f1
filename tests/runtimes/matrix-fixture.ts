import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { type BrowserProxy, type StaticAsset, startBrowserProxy } from './browser-proxy'
import { bundleFor } from './bundle'
import { childRuntime, runInChild } from './child-runtime'
import { launchChromium, loopbackContext, runInPage } from './chromium'
import { type MatrixPlan, RUNTIMES } from './matrix-plan'
import { bundleTargets, pathOf, type RuntimeName } from './runtimes'
import type { SmokeContext, SmokeOutcome } from './smoke-outcome'
import { packagesDir, smokeFile, smokePackages } from './smoke-packages'
import { startWorkerd, type WorkerdMatrix } from './workerd'

/** The keys of the matrix: the mock accepts any, so each says where it was meant to travel. */
export const KEYS = {
  api: 'sk-matrix-test',
  proxy: 'sk-proxy-only-key',
  edge: 'sk-edge-binding-key',
  webhookSecret: `whsec_${btoa('edge-worker-webhook-secret-32by')}`,
}

/** Chromium, the proxy that serves its pages, and the page the smoke bundles run in. */
export interface ChromiumSetup {
  browser: Browser
  proxy: BrowserProxy
  context: BrowserContext
  smokePage: Page
}

/** Everything the cases share: one mock server, one workerd, one browser, the bundles. */
export interface MatrixFixture {
  /** The built mock server (`packages/mock-server/dist`). */
  mock: any
  /** Smoke bundles by `<runtime>/<package>`; a promise rejects with esbuild's message. */
  bundles: Map<string, Promise<string>>
  /** The stories' bundles; a story awaits its own first, so a build error is what it reports. */
  storyBundles: { answer?: Promise<string>; guard?: Promise<string>; edge?: Promise<string> }
  /** What the proxy serves, by path. */
  assets: Map<string, StaticAsset>
  /** A temporary folder: the bundles (`bundles/`), and HOME and caches of the child runtimes. */
  workDir: string
  bundleDir: string
  workerd(): WorkerdMatrix
  chromium(): ChromiumSetup
  stop(): Promise<void>
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))
const html = (body: string): StaticAsset => ({ type: 'text/html; charset=utf-8', body })
const javascript = (file: string): StaticAsset => ({
  type: 'text/javascript; charset=utf-8',
  body: readFileSync(file, 'utf8'),
})

/** The key of a smoke bundle in `MatrixFixture.bundles`. */
export const smokeKey = (runtime: RuntimeName, dir: string) => `${runtime}/${dir}`

/**
 * Starts the mock server, bundles every runnable case, serves the browser pages through the proxy, launches
 * chromium and workerd. A runtime that fails to start fails its own cases (with the reason), not the file.
 */
export async function startMatrix(plan: MatrixPlan): Promise<MatrixFixture> {
  const workDir = mkdtempSync(join(tmpdir(), 'acme-runtimes-'))
  const bundleDir = join(workDir, 'bundles')
  const bundle = (runtime: RuntimeName, entry: string, name: string) => {
    const file = join(bundleDir, runtime, name)
    return bundleFor(bundleTargets[runtime], entry, file).then(() => file)
  }
  const built = async (promise: Promise<string> | undefined) => promise?.catch(() => null)
  const { startMockServer } = await import(pathToFileURL(`${packagesDir}mock-server/dist/index.js`).href)
  const mock = await startMockServer()
  const bundles = new Map<string, Promise<string>>()
  for (const runtime of RUNTIMES)
    for (const pkg of smokePackages)
      if (!plan.skipReason(runtime, pkg))
        bundles.set(smokeKey(runtime, pkg.dir), bundle(runtime, smokeFile(pkg), `${pkg.dir}.mjs`))
  const storyBundles: MatrixFixture['storyBundles'] = {}
  if (!plan.storySkipReason('chromium', 'core', 'responses'))
    storyBundles.answer = bundle('chromium', here('./browser-story/answer-page.js'), 'answer-page.js')
  if (!plan.storySkipReason('chromium', 'core'))
    storyBundles.guard = bundle('chromium', here('./browser-story/guard-page.js'), 'guard-page.js')
  if (!plan.storySkipReason('workerd', 'core', 'responses', 'webhooks'))
    storyBundles.edge = bundle('workerd', here('../../examples/edge-worker/worker.js'), 'edge-worker.mjs')
  await Promise.allSettled([...bundles.values(), ...Object.values(storyBundles)])

  const assets = new Map<string, StaticAsset>()
  let chromium: ChromiumSetup | undefined
  let chromiumFailure: unknown = plan.missingRuntime('chromium')
  if (!plan.missingRuntime('chromium')) {
    assets.set('/smoke/blank.html', html('<!doctype html><meta charset="utf-8"><title>smoke</title>'))
    for (const pkg of smokePackages) {
      const file = await built(bundles.get(smokeKey('chromium', pkg.dir)))
      if (file) assets.set(`/smoke/${pkg.dir}.mjs`, javascript(file))
    }
    for (const [name, promise] of [
      ['answer', storyBundles.answer],
      ['guard', storyBundles.guard],
    ] as const) {
      const file = await built(promise)
      if (!file) continue
      assets.set(`/story/${name}.html`, html(readFileSync(here(`./browser-story/${name}.html`), 'utf8')))
      assets.set(`/story/${name}-page.js`, javascript(file))
    }
    const proxy = await startBrowserProxy({ upstream: mock.url, apiKey: KEYS.proxy, assets })
    let browser: Browser | undefined
    try {
      browser = await launchChromium(pathOf(plan.located.chromium))
      const context = await loopbackContext(browser)
      chromium = { browser, proxy, context, smokePage: await context.newPage() }
    } catch (error) {
      chromiumFailure = error
      await browser?.close().catch(() => {})
      await proxy.close()
    }
  }

  let workerd: WorkerdMatrix | undefined
  let workerdFailure: unknown = plan.missingRuntime('workerd')
  if (!plan.missingRuntime('workerd')) {
    const smokeBundles = new Map<string, string>()
    for (const pkg of smokePackages) {
      const file = await built(bundles.get(smokeKey('workerd', pkg.dir)))
      if (file) smokeBundles.set(pkg.dir, file)
    }
    const edgeFile = await built(storyBundles.edge)
    const bindings = {
      OPENAI_API_KEY: KEYS.edge,
      OPENAI_BASE_URL: mock.baseURL,
      OPENAI_WEBHOOK_SECRET: KEYS.webhookSecret,
    }
    try {
      const extra = edgeFile ? [{ name: 'edge-worker', file: edgeFile, bindings }] : []
      workerd = await startWorkerd(bundleDir, smokeBundles, extra)
    } catch (error) {
      workerdFailure = error
    }
  }

  return {
    mock,
    bundles,
    storyBundles,
    assets,
    workDir,
    bundleDir,
    workerd() {
      if (!workerd) throw new Error(`workerd did not start: ${String(workerdFailure)}`)
      return workerd
    },
    chromium() {
      if (!chromium) throw new Error(`chromium did not start: ${String(chromiumFailure)}`)
      return chromium
    },
    async stop() {
      await chromium?.browser.close().catch(() => {})
      await chromium?.proxy.close()
      await workerd?.dispose().catch(() => {})
      await mock.close()
      rmSync(workDir, { recursive: true, force: true })
    },
  }
}

/** Runs one package's smoke bundle on one runtime and returns its outcome. */
export async function runSmoke(
  fixture: MatrixFixture,
  plan: MatrixPlan,
  runtime: RuntimeName,
  dir: string,
): Promise<SmokeOutcome> {
  const file = await fixture.bundles.get(smokeKey(runtime, dir))!
  const { mock } = fixture
  const context: SmokeContext = { runtime, baseURL: mock.baseURL, mockURL: mock.url, apiKey: KEYS.api }
  if (runtime === 'workerd') return fixture.workerd().runSmoke(dir, context)
  if (runtime === 'chromium') {
    const { smokePage, proxy } = fixture.chromium()
    return runInPage(smokePage, `${proxy.url}/smoke/blank.html`, `${proxy.url}/smoke/${dir}.mjs`, context)
  }
  const child = childRuntime(runtime, pathOf(plan.located[runtime]), fixture.bundleDir)
  return runInChild(child, file, context, { workDir: fixture.workDir, timeoutMs: 45_000 })
}
