import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import type { SmokeContext, SmokeOutcome } from './smoke-outcome'

/** Launches Debian's chromium through playwright-core (never `playwright install`), headless and quiet. */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })
}

const isLoopback = (url: URL) => url.hostname === '127.0.0.1' && url.protocol.startsWith('http')

/** A fresh browser context whose pages can reach nothing but 127.0.0.1 (anything else is aborted). */
export async function loopbackContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext()
  await context.route(
    (url) => !isLoopback(url),
    (route) => route.abort('blockedbyclient'),
  )
  return context
}

/**
 * Runs a smoke bundle in `page`: loads `pageURL` (a blank page of the proxy's origin; a fresh document for every
 * run), imports `moduleURL` there and calls its `smoke(context)`. Page errors outside the smoke are added to a
 * failure.
 */
export async function runInPage(
  page: Page,
  pageURL: string,
  moduleURL: string,
  smokeContext: SmokeContext,
): Promise<SmokeOutcome> {
  const pageErrors: string[] = []
  const onError = (error: Error) => pageErrors.push(String(error.stack ?? error))
  page.on('pageerror', onError)
  try {
    await page.goto(pageURL)
    // A string, so that the test transform cannot add helpers the page does not have.
    const outcome = (await page.evaluate(`(async () => {
      try {
        const { smoke } = await import(${JSON.stringify(moduleURL)})
        return { ok: true, ...(await smoke(${JSON.stringify(smokeContext)})) }
      } catch (error) {
        return { ok: false, error: String(error && error.stack ? error.stack : error) }
      }
    })()`)) as SmokeOutcome
    if (!outcome.ok && pageErrors.length) outcome.error += `\npage errors:\n${pageErrors.join('\n')}`
    return outcome
  } finally {
    page.off('pageerror', onError)
  }
}
