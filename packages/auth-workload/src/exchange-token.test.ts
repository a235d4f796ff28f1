import { createServer } from 'node:http'
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  InternalServerError,
  OpenAIError,
  RateLimitError,
} from '@acme/openai-core'
import { type MockServer, startMockServer } from '@acme/openai-mock'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { exchangeToken, type TokenExchangeRequest } from './exchange-token'
import { OAuthError } from './oauth-error'

let mock: MockServer
let closedPort: number
beforeAll(async () => {
  mock = await startMockServer()
  // A port that was just free: nothing listens there, so connecting is refused.
  const server = createServer().listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  closedPort = (server.address() as { port: number }).port
  await new Promise((resolve) => server.close(resolve))
})
afterAll(() => mock.close())
beforeEach(() => mock.reset())

const SUBJECT = 'subject-token-do-not-leak'
const request = (overrides: Partial<TokenExchangeRequest> = {}): TokenExchangeRequest => ({
  tokenURL: `${mock.url}/oauth/token`,
  fetch,
  timeout: 5000,
  identityProviderId: 'idp_1',
  serviceAccountId: 'sa_1',
  clientId: undefined,
  subjectToken: SUBJECT,
  subjectTokenType: 'jwt',
  ...overrides,
})
const fail = (overrides: Partial<TokenExchangeRequest> = {}) =>
  exchangeToken(request(overrides)).catch((e) => e)
const token = (status: number, body: unknown, headers?: Record<string, string>) =>
  mock.enqueueFault({ match: { path: '/oauth/token' }, status, body, headers })

describe('exchangeToken', () => {
  it('POSTs the JSON body with content-type and accept, and returns access_token and expires_in', async () => {
    const result = await exchangeToken(request({ tokenURL: `${mock.url}/oauth/token?expires_in=90` }))
    expect(result).toEqual({ access_token: expect.stringMatching(/^wiat_mock_/), expires_in: 90 })
    const [sent] = mock.requests
    expect(sent.headers['content-type']).toBe('application/json')
    expect(sent.headers.accept).toBe('application/json')
    expect(sent.text).toBe(
      '{"grant_type":"urn:ietf:params:oauth:grant-type:token-exchange","subject_token":"subject-token-do-not-leak",' +
        '"subject_token_type":"urn:ietf:params:oauth:token-type:jwt","identity_provider_id":"idp_1","service_account_id":"sa_1"}',
    )
  })

  it.each([400, 401, 403])('turns %i into an OAuthError with error and error_description', async (status) => {
    token(
      status,
      { error: 'invalid_grant', error_description: 'No service account mapping found.' },
      { 'x-request-id': 'req_oauth' },
    )
    const error = await fail()
    expect(error).toBeInstanceOf(OAuthError)
    expect(error).not.toBeInstanceOf(APIError)
    expect(error.name).toBe('OAuthError')
    expect(error.message).toBe(
      `The token exchange at ${mock.url}/oauth/token was refused with status ${status} (invalid_grant: No service account mapping found.)`,
    )
    expect([error.status, error.error, error.error_description, error.requestID]).toEqual([
      status,
      'invalid_grant',
      'No service account mapping found.',
      'req_oauth',
    ])
  })

  it('says what to check when an OAuth refusal has no usable body', async () => {
    token(401, 'nope')
    const error = await fail()
    expect(error.message).toBe(
      `The token exchange at ${mock.url}/oauth/token was refused with status 401. Check identityProviderId, serviceAccountId and the token your provider returns.`,
    )
    expect([error.error, error.error_description]).toEqual([undefined, undefined])
  })

  it('scrubs the subject token from text the endpoint sends back', async () => {
    token(400, { error: 'invalid_subject_token', error_description: `Bad token ${SUBJECT}!` })
    const error = await fail()
    expect(error.error_description).toBe('Bad token ***!')
    expect(error.message).not.toContain(SUBJECT)
    token(500, { error: SUBJECT })
    expect((await fail()).message).not.toContain(SUBJECT)
  })

  it.each([
    [500, InternalServerError],
    [503, InternalServerError],
    [429, RateLimitError],
    [404, APIError],
  ])('turns %i into the typed API error with the status', async (status, Class) => {
    token(status, { error: 'server_error', error_description: 'Try later.' }, { 'x-request-id': 'req_x' })
    const error = await fail()
    expect(error).toBeInstanceOf(Class)
    expect(error.status).toBe(status)
    expect(error.requestID).toBe('req_x')
    expect(error.message).toBe(
      `${status} The token exchange at ${mock.url}/oauth/token failed (server_error: Try later.)`,
    )
  })

  it('does not follow a redirect, so the subject token goes nowhere else', async () => {
    token(307, '', { location: `${mock.url}/elsewhere` })
    const error = await fail()
    expect(error).toBeInstanceOf(APIError)
    expect(error.status).toBe(307)
    expect(error.message).toBe(
      `307 The token exchange at ${mock.url}/oauth/token failed (redirects are not followed: set tokenURL to the final URL)`,
    )
    expect(mock.requests.map((r) => r.path)).toEqual(['/oauth/token'])
  })

  it.each([
    ['a body that is not JSON', 'ok', 'answered 200 without a JSON object.'],
    ['no access_token', { expires_in: 60 }, 'answered without a valid access_token.'],
    ['an empty access_token', { access_token: '', expires_in: 60 }, 'answered without a valid access_token.'],
    [
      'an access_token with a newline',
      { access_token: 'a\nb', expires_in: 60 },
      'answered without a valid access_token.',
    ],
    [
      'no expires_in',
      { access_token: 'at' },
      'answered without a valid expires_in (a number of seconds > 0).',
    ],
    [
      'expires_in 0',
      { access_token: 'at', expires_in: 0 },
      'answered without a valid expires_in (a number of seconds > 0).',
    ],
    [
      'expires_in as text',
      { access_token: 'at', expires_in: '3600' },
      'answered without a valid expires_in (a number of seconds > 0).',
    ],
  ])('refuses a 200 with %s', async (_, body, tail) => {
    token(200, body)
    const error = await fail()
    expect(error.constructor).toBe(OpenAIError)
    expect(error.message).toBe(`The token exchange at ${mock.url}/oauth/token ${tail}`)
  })

  it('reports an unreachable endpoint as an APIConnectionError with the system code', async () => {
    const error = await fail({ tokenURL: `http://127.0.0.1:${closedPort}/oauth/token` })
    expect(error).toBeInstanceOf(APIConnectionError)
    expect(error.message).toBe(
      `Could not reach the token exchange at http://127.0.0.1:${closedPort}/oauth/token: fetch failed (ECONNREFUSED)`,
    )
  })

  it('gives up after its timeout with an APIConnectionTimeoutError', async () => {
    mock.enqueueFault({ match: { path: '/oauth/token' }, delayMs: 2000 })
    const error = await fail({ timeout: 50 })
    expect(error).toBeInstanceOf(APIConnectionTimeoutError)
    expect(error.message).toBe(`The token exchange at ${mock.url}/oauth/token did not answer within 50 ms.`)
  })

  it('redacts credentials in the token URL, even where fetch echoes the URL', async () => {
    const error = await fail({ tokenURL: 'http://user:pw@127.0.0.1:1/oauth/token?token=abc' })
    expect(error.message).toBe(
      'Could not reach the token exchange at http://***@127.0.0.1:1/oauth/token?token=***: ' +
        'Request cannot be constructed from a URL that includes credentials: http://***@127.0.0.1:1/oauth/token?token=***',
    )
  })

  it('calls a custom fetch unbound, as browsers and workers require', async () => {
    let self: unknown = 'unset'
    const custom = function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
      self = this
      return fetch(input, init)
    } as typeof fetch
    await exchangeToken(request({ fetch: custom }))
    expect(self).toBeUndefined()
  })
})

describe('exchangeToken: an expires_in that is not a sane number of seconds', () => {
  it.each([
    ['negative', '{"access_token":"at","expires_in":-60}'],
    ['infinite (1e400 parses to Infinity)', '{"access_token":"at","expires_in":1e400}'],
    ['null', '{"access_token":"at","expires_in":null}'],
  ])('refuses one that is %s', async (_, body) => {
    token(200, body, { 'content-type': 'application/json' })
    const error = await fail()
    expect(error.constructor).toBe(OpenAIError)
    expect(error.message).toBe(
      `The token exchange at ${mock.url}/oauth/token answered without a valid expires_in (a number of seconds > 0).`,
    )
  })

  it('bounds one of years (or 1e300 s) to a day, so the token is exchanged again', async () => {
    for (const seconds of [10 * 365 * 86_400, 1e300]) {
      token(200, { access_token: 'at', expires_in: seconds })
      expect(await exchangeToken(request())).toEqual({ access_token: 'at', expires_in: 86_400 })
    }
    token(200, { access_token: 'at', expires_in: 86_399 })
    expect((await exchangeToken(request())).expires_in).toBe(86_399)
  })
})
