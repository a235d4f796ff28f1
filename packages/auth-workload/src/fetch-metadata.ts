import { OpenAIError } from '@acme/openai-core'
import { redactSecrets } from '@acme/openai-core/redact'
import { deadlineSignal } from './deadline-signal'
import { describeCause } from './describe-cause'
import { SubjectTokenProviderError } from './subject-token-provider-error'

/** One GET to a cloud metadata host on behalf of a provider. */
export interface MetadataRequest {
  /** Provider id for errors, e.g. `'azure-imds'`. */
  provider: string
  /** Human name for messages, e.g. `'Azure IMDS'`. */
  label: string
  url: string
  headers: Record<string, string>
  fetch: typeof fetch | undefined
  timeout: number
  signal: AbortSignal | undefined
  /** Added to a "could not reach" message, saying where this provider works. */
  hint: string
}

/**
 * GETs `url` and returns the 2xx body as text. Unreachable hosts, timeouts and error statuses become a
 * `SubjectTokenProviderError`; an error body is quoted briefly (metadata hosts explain refusals there), redacted.
 */
export async function fetchMetadata(request: MetadataRequest): Promise<string> {
  const { provider, label } = request
  const fetchFn = request.fetch ?? (globalThis as { fetch?: typeof fetch }).fetch
  if (!fetchFn)
    throw new SubjectTokenProviderError(`${label}: no global fetch; pass { fetch }.`, { provider })
  const deadline = deadlineSignal(request.timeout, request.signal)
  let response: Response
  let text: string
  try {
    response = await fetchFn(request.url, {
      headers: request.headers,
      redirect: 'manual',
      signal: deadline.signal,
    })
    text = await response.text()
  } catch (cause) {
    const message = deadline.timedOut()
      ? `${label} did not answer within ${request.timeout} ms.`
      : request.signal?.aborted
        ? `${label} request was aborted.`
        : `could not reach ${label} at ${new URL(request.url).origin}: ${describeCause(cause)}.`
    throw new SubjectTokenProviderError(`Failed to get a subject token: ${message} ${request.hint}`, {
      provider,
      cause,
    })
  } finally {
    deadline.clear()
  }
  if (response.status < 200 || response.status > 299)
    throw new SubjectTokenProviderError(
      `Failed to get a subject token: ${label} answered HTTP ${response.status}${quote(text)}`,
      { provider, status: response.status },
    )
  return text
}

/** ` (first 200 characters of the error body)` on one line, or nothing; JSON errors show `error: description`. */
function quote(body: string): string {
  let text = body
  try {
    const json = JSON.parse(body)
    if (json && typeof json === 'object')
      text = [json.error, json.error_description].filter((s) => typeof s === 'string' && s).join(': ') || body
  } catch {}
  text = redactSecrets(text.replace(/\s+/g, ' ').trim())
  if (!text) return '.'
  return ` (${text.length > 200 ? `${text.slice(0, 200)}...` : text}).`
}

/**
 * The origin of a metadata host: `http://` is assumed when the scheme is missing (as in `GCE_METADATA_HOST`), and
 * a trailing slash is dropped.
 */
export function metadataOrigin(host: string, option: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(host) ? host : `http://${host}`
  try {
    const url = new URL(withScheme)
    if (url.protocol === 'http:' || url.protocol === 'https:') return withScheme.replace(/\/+$/, '')
  } catch {}
  throw new OpenAIError(`${option}: \`host\` must be a host such as 127.0.0.1:8080 or an http(s) origin.`)
}

/** Checks a provider's `timeout` option (milliseconds > 0). */
export function checkTimeout(timeout: unknown, option: string): number {
  if (timeout === undefined) return 10_000
  if (!Number.isSafeInteger(timeout) || (timeout as number) <= 0)
    throw new OpenAIError(
      `${option}: \`timeout\` must be a whole number of milliseconds > 0 (default 10000).`,
    )
  return timeout as number
}
