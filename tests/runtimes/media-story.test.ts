// The browser media story (Chromium): a page with no key edits an image from a canvas Blob and downloads speech
// through a key-adding proxy, and decodes both answers (the bytes it gets are real media). Runs the BUILT packages
// (`pnpm build`); skipped, with the reason, when chromium or a build is missing.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BrowserProxy, type StaticAsset, startBrowserProxy } from './browser-proxy'
import { bundleFor } from './bundle'
import { launchChromium, loopbackContext } from './chromium'
import { KEYS } from './matrix-fixture'
import { planMatrix } from './matrix-plan'
import { bundleTargets, pathOf } from './runtimes'
import { packagesDir } from './smoke-packages'

const plan = planMatrix()
const reason = plan.mockMissing ?? plan.storySkipReason('chromium', 'core', 'images', 'audio')
const here = (path: string) => new URL(path, import.meta.url).pathname

let mock: any
let proxy: BrowserProxy
let browser: Browser
const workDir = mkdtempSync(join(tmpdir(), 'acme-media-story-'))

beforeAll(async () => {
  if (reason) return
  const bundle = join(workDir, 'media-page.js')
  await bundleFor(bundleTargets.chromium, here('./browser-story/media-page.js'), bundle)
  const { startMockServer } = await import(pathToFileURL(`${packagesDir}mock-server/dist/index.js`).href)
  mock = await startMockServer()
  const assets = new Map<string, StaticAsset>([
    [
      '/story/media.html',
      { type: 'text/html; charset=utf-8', body: readFileSync(here('./browser-story/media.html'), 'utf8') },
    ],
    ['/story/media-page.js', { type: 'text/javascript; charset=utf-8', body: readFileSync(bundle, 'utf8') }],
  ])
  proxy = await startBrowserProxy({
    upstream: mock.url,
    apiKey: KEYS.proxy,
    assets,
    allow: ['editImage', 'createSpeech'],
  })
  browser = await launchChromium(pathOf(plan.located.chromium))
}, 120_000)
afterAll(async () => {
  await browser?.close().catch(() => {})
  await proxy?.close()
  await mock?.close()
  rmSync(workDir, { recursive: true, force: true })
})

describe('browser media story (Chromium): image edit from a Blob and speech download through the proxy', () => {
  const story = reason ? it.skip : it
  story(
    `chromium: edits a canvas Blob and plays back speech, with no key in the page${reason ? ` (skipped: ${reason})` : ''}`,
    async () => {
      const context = await loopbackContext(browser)
      const page = await context.newPage()
      try {
        await page.goto(`${proxy.url}/story/media.html`)
        await page.waitForFunction(
          "!['loading', 'editing', 'speaking'].includes(document.getElementById('status').textContent)",
          null,
          { timeout: 30_000 },
        )
        expect(await page.textContent('#status')).toBe('done')
        // The mock's 8x8 PNG, decoded by the browser.
        expect(await page.getAttribute('#edited', 'data-size')).toBe('8x8')
        const bytes = await page.getAttribute('#speech', 'data-bytes')
        expect(Number(await page.getAttribute('#speech', 'data-duration'))).toBeGreaterThan(0)
        const sent = Number(await page.getAttribute('#edited', 'data-sent'))
        // The page sent no key; the proxy added its own, and the mock got the canvas Blob as the image part.
        expect(proxy.proxied).toEqual([
          { method: 'POST', path: '/v1/images/edits', authorization: null },
          { method: 'POST', path: '/v1/audio/speech', authorization: null },
        ])
        const [edit, speech] = mock.requests
        expect([edit.headers.authorization, speech.headers.authorization]).toEqual([
          `Bearer ${KEYS.proxy}`,
          `Bearer ${KEYS.proxy}`,
        ])
        const form = await new Response(edit.body, {
          headers: { 'content-type': edit.headers['content-type'] },
        }).formData()
        const image = form.get('image') as File
        expect([image.name, image.type, image.size, form.get('prompt')]).toEqual([
          'blob',
          'image/png',
          sent,
          'Add a hat',
        ])
        expect(speech.json).toMatchObject({ response_format: 'wav', input: 'Hello from the browser' })
        // The page read every byte the mock sends for that request (the proxy streams without a Content-Length).
        const direct = await fetch(`${mock.baseURL}/audio/speech`, {
          method: 'POST',
          headers: { authorization: 'Bearer direct', 'content-type': 'application/json' },
          body: JSON.stringify(speech.json),
        })
        expect(bytes).toBe(String((await direct.arrayBuffer()).byteLength))
      } finally {
        await context.close()
      }
    },
    60_000,
  )
})
