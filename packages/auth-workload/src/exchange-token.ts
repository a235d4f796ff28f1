import { APIConnectionError, APIConnectionTimeoutError, makeAPIError, OpenAIError } from '@acme/openai-core'
import { redactURL } from '@acme/openai-core/redact'
import { deadlineSignal } from './deadline-signal'
import { describeCause } from './describe-cause'
import { OAuthError } from './oauth-error'
import { scrubSecrets } from './scrub-secrets'
import { SUBJECT_TOKEN_TYPES, type SubjectTokenType } from './subject-token-provider'

/** OpenAI's token endpoint. */
export const DEFAULT_TOKEN_EXCHANGE_URL = 'https://auth.openai.com/oauth/token'
/** The RFC 8693 grant type of every exchange. */
export const TOKEN_EXCHANGE_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:token-exchange'

/** Everything one exchange needs. */
export interface TokenExchangeRequest {
  tokenURL: string
  fetch: typeof fetch
  /** Milliseconds for the whole POST, answer body included. */
  timeout: number
  identityProviderId: string
  serviceAccountId: string
  clientId: string | undefined
  subjectToken: string
  subjectTokenType: SubjectTokenType
}

/** The two fields of the token endpoint's answer the client uses. */
export interface ExchangedToken {
  access_token: string
  /** Seconds the token is valid, at most `MAX_TOKEN_LIFETIME_SECONDS`. */
  expires_in: number
}

// Visible ASCII only: anything else cannot travel in an Authorization header.
const HEADER_SAFE_TOKEN = /^[\x21-\x7e]+$/
/**
 * The longest a token is kept (a day): an endpoint answering years (or a clock-breaking 1e300) must not pin one
 * token for the life of the process; a day-old token is simply exchanged again.
 */
export const MAX_TOKEN_LIFETIME_SECONDS = 86_400

/**
 * POSTs one RFC 8693 token exchange (JSON body) and checks the answer. Never retried here: a failure reaches every
 * waiting request, and the next request tries again. Redirects are not followed, so the subject token only ever
 * goes to `tokenURL`.
 */
export async function exchangeToken(request: TokenExchangeRequest): Promise<ExchangedToken> {
  const where = redactURL(request.tokenURL)
  const scrub = (text: string) =>
    scrubSecrets(text, [request.subjectToken]).split(request.tokenURL).join(where)
  const body = {
    grant_type: TOKEN_EXCHANGE_GRANT_TYPE,
    ...(request.clientId ? { client_id: request.clientId } : {}),
    subject_token: request.subjectToken,
    subject_token_type: SUBJECT_TOKEN_TYPES[request.subjectTokenType],
    identity_provider_id: request.identityProviderId,
    service_account_id: request.serviceAccountId,
  }
  const deadline = deadlineSignal(request.timeout)
  let response: Response
  let text: string
  // Called unbound: some runtimes throw "Illegal invocation" when fetch gets another `this`.
  const fetchFn = request.fetch
  try {
    response = await fetchFn(request.tokenURL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      redirect: 'manual',
      signal: deadline.signal,
    })
    text = await response.text()
  } catch (cause) {
    if (deadline.timedOut())
      throw new APIConnectionTimeoutError({
        message: `The token exchange at ${where} did not answer within ${request.timeout} ms.`,
      })
    throw new APIConnectionError({
      message: `Could not reach the token exchange at ${where}: ${scrub(describeCause(cause))}`,
      cause,
    })
  } finally {
    deadline.clear()
  }

  const json = parseObject(text)
  const status = response.status
  const error = nonEmptyString(json?.error)
  const description = nonEmptyString(json?.error_description)
  const detail = [error, description].filter(Boolean).map((s) => scrub(s!))

  if (status === 400 || status === 401 || status === 403)
    throw new OAuthError(
      `The token exchange at ${where} was refused with status ${status}` +
        (detail.length
          ? ` (${detail.join(': ')})`
          : '. Check identityProviderId, serviceAccountId and the token your provider returns.'),
      { status, error, error_description: description && scrub(description), headers: response.headers },
    )
  if (status < 200 || status > 299) {
    const redirect =
      status >= 300 && status < 400 ? ' (redirects are not followed: set tokenURL to the final URL)' : ''
    throw makeAPIError(
      status,
      undefined,
      `The token exchange at ${where} failed${detail.length ? ` (${detail.join(': ')})` : ''}${redirect}`,
      response.headers,
    )
  }

  if (!json) throw new OpenAIError(`The token exchange at ${where} answered ${status} without a JSON object.`)
  const { access_token, expires_in } = json
  if (typeof access_token !== 'string' || !HEADER_SAFE_TOKEN.test(access_token))
    throw new OpenAIError(`The token exchange at ${where} answered without a valid access_token.`)
  if (typeof expires_in !== 'number' || !Number.isFinite(expires_in) || expires_in <= 0)
    throw new OpenAIError(
      `The token exchange at ${where} answered without a valid expires_in (a number of seconds > 0).`,
    )
  return { access_token, expires_in: Math.min(expires_in, MAX_TOKEN_LIFETIME_SECONDS) }
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text)
    return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined
  } catch {
    return undefined
  }
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined
}
