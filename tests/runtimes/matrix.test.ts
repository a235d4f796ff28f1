// The runtime matrix. The same smoke suite per package runs on Node 20, Bun, Deno, workerd (Miniflare)
// and Chromium (playwright-core + Debian chromium), bundled from the BUILT packages with each runtime's export
// conditions, against the built mock server on 127.0.0.1. Then two end-to-end stories: a browser page that streams
// through a key-adding proxy, and a workerd edge worker that streams SSE and verifies webhooks.
// A runtime missing on this machine, or a package not built yet, is skipped by name with the reason.
import { signWebhook } from '@acme/openai-webhooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { knownIssueOf } from './known-issues'
import { KEYS, type MatrixFixture, runSmoke, startMatrix } from './matrix-fixture'
import { planMatrix, RUNTIMES } from './matrix-plan'
import type { RuntimeName } from './runtimes'
import { type SmokePackage, smokePackages } from './smoke-packages'

const CASE_TIMEOUT = 60_000

const plan = planMatrix()
// Said once, plainly, before the skipped cases are listed.
for (const line of plan.announcements) console.warn(line)

let fixture: MatrixFixture
beforeAll(async () => {
  if (!plan.mockMissing) fixture = await startMatrix(plan)
}, 120_000)
afterAll(() => fixture?.stop(), 60_000)

// The checks each package ran (passed or skipped) on the first runtime; every other runtime must run the same.
const checksByPackage = new Map<string, string[]>()

/** Runs a case and checks its report; a failure comes back as an Error naming the package and runtime. */
async function smokeCase(runtime: RuntimeName, pkg: SmokePackage): Promise<void> {
  fixture.mock.reset()
  const outcome = await runSmoke(fixture, plan, runtime, pkg.dir)
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
      const reason = plan.skipReason(runtime, pkg)
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
  const reason = plan.storySkipReason('chromium', 'core', 'responses')
  const story = reason ? it.skip : it
  const suffix = reason ? ` (skipped: ${reason})` : ''

  story(
    `chromium: a page with only createResponse streams the answer through the proxy and holds no key${suffix}`,
    async () => {
      fixture.mock.reset()
      await fixture.storyBundles.answer
      const { proxy, context } = fixture.chromium()
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
        fixture.mock.requests.map((r: any) => [r.method, r.path, r.headers.authorization, r.json.stream]),
      ).toEqual([['POST', '/v1/responses', `Bearer ${KEYS.proxy}`, true]])
      expect(fixture.assets.get('/story/answer-page.js')!.body).not.toContain(KEYS.proxy)
    },
    CASE_TIMEOUT,
  )

  story(
    `chromium: a page that sets a key without dangerouslyAllowBrowser gets the browser guard error${suffix}`,
    async () => {
      await fixture.storyBundles.guard
      const { proxy, context } = fixture.chromium()
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
  const reason = plan.storySkipReason('workerd', 'core', 'responses', 'webhooks')
  const story = reason ? it.skip : it
  const suffix = reason ? ` (skipped: ${reason})` : ''
  const edge = async (
    path: string,
    init: { method: string; headers?: Record<string, string>; body?: string },
  ) => {
    await fixture.storyBundles.edge
    return fixture.workerd().miniflare.dispatchFetch(`http://127.0.0.1${path}`, init)
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
      fixture.mock.reset()
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
      expect(
        fixture.mock.requests.map((r: any) => [r.method, r.path, r.headers.authorization, r.json]),
      ).toEqual([
        [
          'POST',
          '/v1/responses',
          `Bearer ${KEYS.edge}`,
          { model: 'gpt-4o-mini', input: 'Edge hello', stream: true },
        ],
      ])
    },
    CASE_TIMEOUT,
  )

  story(
    `workerd: a stream that fails midway ends with an in-band SSE error event${suffix}`,
    async () => {
      fixture.mock.reset()
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
      fixture.mock.reset()
      fixture.mock.enqueueFault({
        match: { path: '/v1/responses' },
        status: 400,
        body: {
          error: { message: 'Invalid model.', type: 'invalid_request_error', param: 'model', code: null },
        },
      })
      const response = await ask('anything')
      expect([response.status, await response.json()]).toEqual([502, { error: '400 Invalid model.' }])
      expect(fixture.mock.requests.length).toBe(1)
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
        ...(await signWebhook(body, { secret: KEYS.webhookSecret })),
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
