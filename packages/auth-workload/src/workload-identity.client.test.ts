import {
  APIConnectionError,
  AuthenticationError,
  type Client,
  createClient,
  OpenAIError,
  PermissionDeniedError,
  request,
} from '@acme/openai-core'
import { type MockServer, startMockServer } from '@acme/openai-mock'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { OAuthError } from './oauth-error'
import { SubjectTokenProviderError } from './subject-token-provider-error'
import { workloadIdentity } from './workload-identity'
import type { WorkloadIdentityOptions } from './workload-identity-options'

let mock: MockServer
beforeAll(async () => {
  mock = await startMockServer()
})
afterAll(() => mock.close())
beforeEach(() => mock.reset())

const SUBJECT = 'subject-SECRET-3f9a1c'
const paths = () => mock.requests.map((r) => `${r.method} ${r.path}`)
const bearers = () =>
  mock.requests.filter((r) => r.path.startsWith('/v1/')).map((r) => r.headers.authorization)
const issued = () => bearers().map((b) => b?.slice('Bearer '.length) ?? '')

function makeClient(overrides: Partial<WorkloadIdentityOptions> = {}, clientOptions = {}): Client {
  return createClient({
    baseURL: mock.baseURL,
    maxRetries: 0,
    auth: workloadIdentity({
      identityProviderId: 'idp_123',
      serviceAccountId: 'sa_456',
      provider: { tokenType: 'jwt', getToken: () => SUBJECT },
      tokenURL: `${mock.url}/oauth/token`,
      ...overrides,
    }),
    ...clientOptions,
  })
}
const listModels = (client: Client) =>
  request<{ data: unknown[] }>(client, { method: 'get', path: '/models' })

describe('workloadIdentity through a client', () => {
  it('sends the exchanged access token as the bearer on API calls', async () => {
    const client = makeClient()
    expect((await listModels(client)).data).toHaveLength(3)
    await listModels(client)
    expect(paths()).toEqual(['POST /oauth/token', 'GET /v1/models', 'GET /v1/models'])
    const [first, second] = bearers()
    expect(first).toMatch(/^Bearer wiat_mock_\d{4}_[0-9a-f]{24}$/)
    expect(second).toBe(first)
  })

  it('on a 401 for a revoked token drops it, exchanges again and replays the request once', async () => {
    const client = makeClient()
    await listModels(client)
    const [revoked] = issued()
    const revoke = await fetch(`${mock.url}/oauth/revoke`, {
      method: 'POST',
      body: new URLSearchParams({ token: revoked }),
    })
    expect(await revoke.json()).toEqual({ revoked: true })
    expect((await listModels(client)).data).toHaveLength(3)
    expect(paths()).toEqual([
      'POST /oauth/token',
      'GET /v1/models',
      'POST /oauth/revoke',
      'GET /v1/models',
      'POST /oauth/token',
      'GET /v1/models',
    ])
    const tokens = issued()
    expect(tokens[1]).toBe(revoked)
    expect(tokens[2]).not.toBe(revoked)
  })

  it('replays only once: a second 401 is an AuthenticationError after two exchanges', async () => {
    const client = makeClient()
    mock.enqueueFault({ match: { path: '/v1/models' }, status: 401, times: 2 })
    const error = await listModels(client).catch((e) => e)
    expect(error).toBeInstanceOf(AuthenticationError)
    expect(paths()).toEqual(['POST /oauth/token', 'GET /v1/models', 'POST /oauth/token', 'GET /v1/models'])
  })

  it('does not replay a request with a streaming body', async () => {
    const client = makeClient()
    mock.enqueueFault({ match: { path: '/v1/echo' }, status: 401 })
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"a":1}'))
        controller.close()
      },
    })
    const error = await request(client, { method: 'post', path: '/echo/upload', body }).catch((e) => e)
    expect(error).toBeInstanceOf(AuthenticationError)
    expect(paths()).toEqual(['POST /oauth/token', 'POST /v1/echo/upload'])
  })

  it('does not exchange again for other errors such as 403', async () => {
    const client = makeClient()
    mock.enqueueFault({ match: { path: '/v1/models' }, status: 403 })
    expect(await listModels(client).catch((e) => e)).toBeInstanceOf(PermissionDeniedError)
    expect(paths()).toEqual(['POST /oauth/token', 'GET /v1/models'])
  })

  it('an OAuthError from the exchange reaches the caller unretried, and the API is never called', async () => {
    const client = makeClient({}, { maxRetries: 2 })
    mock.enqueueFault({
      match: { path: '/oauth/token' },
      status: 401,
      body: {
        error: 'invalid_grant',
        error_description: 'No service account mapping found for the provided service_account_id.',
      },
    })
    const error = await listModels(client).catch((e) => e)
    expect(error).toBeInstanceOf(OAuthError)
    expect(error).toBeInstanceOf(OpenAIError)
    expect(error.message).toBe(
      `The token exchange at ${mock.url}/oauth/token was refused with status 401 (invalid_grant: No service account mapping found for the provided service_account_id.)`,
    )
    expect([error.status, error.error]).toEqual([401, 'invalid_grant'])
    expect(error.error_description).toBe(
      'No service account mapping found for the provided service_account_id.',
    )
    expect(paths()).toEqual(['POST /oauth/token'])
  })

  it('a SubjectTokenProviderError reaches the caller and nothing is sent', async () => {
    const client = makeClient({
      provider: {
        tokenType: 'jwt',
        getToken: () => {
          throw new Error('vault unreachable')
        },
      },
    })
    const error = await listModels(client).catch((e) => e)
    expect(error).toBeInstanceOf(SubjectTokenProviderError)
    expect(error.message).toBe('The custom subject token provider failed: vault unreachable')
    expect(error.provider).toBe('custom')
    expect(mock.requests).toHaveLength(0)
  })

  it('refuses auth together with apiKey, but ignores OPENAI_API_KEY in the environment', () => {
    const auth = workloadIdentity({
      identityProviderId: 'idp',
      serviceAccountId: 'sa',
      provider: { tokenType: 'jwt', getToken: () => 't' },
    })
    expect(() => createClient({ auth, apiKey: 'sk-test' })).toThrow(
      new OpenAIError('`apiKey` and `auth` are mutually exclusive: pass one of them to createClient.'),
    )
    vi.stubEnv('OPENAI_API_KEY', 'sk-from-env')
    try {
      expect(createClient({ auth }).auth).toBe(auth)
    } finally {
      vi.unstubAllEnvs()
    }
  })

  it('never puts the subject token or an access token in an error message or a log line', async () => {
    const lines: string[] = []
    const capture =
      (level: string) =>
      (...args: unknown[]) =>
        lines.push(
          `${level} ${args.map((a) => (a instanceof Error ? `${a.message} ${String(a.cause)}` : String(a))).join(' ')}`,
        )
    const logger = {
      error: capture('error'),
      warn: capture('warn'),
      info: capture('info'),
      debug: capture('debug'),
    }
    const client = makeClient({ logger }, { logger, logLevel: 'debug', maxRetries: 1 })
    const errors: unknown[] = []
    const attempt = async () => {
      try {
        await listModels(client)
      } catch (error) {
        errors.push(error)
      }
    }
    await attempt()
    // 401 twice: replay, then AuthenticationError.
    mock.enqueueFault({ match: { path: '/v1/models' }, status: 401, times: 2 })
    await attempt()
    // The endpoint refuses, quoting the subject token back: it is scrubbed.
    client.auth!.invalidate!()
    mock.enqueueFault({
      match: { path: '/oauth/token' },
      status: 400,
      body: { error: 'invalid_subject_token', error_description: `Token ${SUBJECT} has expired.` },
    })
    await attempt()
    for (const status of [500, 302, 200]) {
      mock.enqueueFault({ match: { path: '/oauth/token' }, status, body: { error: `because ${SUBJECT}` } })
      await attempt()
    }
    // Unreachable token endpoint and a broken provider.
    const unreachable = makeClient(
      { logger, tokenURL: 'http://127.0.0.1:9/oauth/token' },
      { logger, logLevel: 'debug' },
    )
    await listModels(unreachable).catch((e) => errors.push(e))
    const broken = makeClient(
      {
        logger,
        provider: {
          tokenType: 'jwt',
          getToken: () => {
            throw new TypeError('no token today')
          },
        },
      },
      { logger, logLevel: 'debug' },
    )
    await listModels(broken).catch((e) => errors.push(e))

    expect(errors.map((e) => (e as Error).constructor.name)).toEqual([
      'AuthenticationError',
      'OAuthError',
      'InternalServerError',
      'APIError',
      'OpenAIError',
      'APIConnectionError',
      'SubjectTokenProviderError',
    ])
    expect((errors[1] as Error).message).toContain('(invalid_subject_token: Token *** has expired.)')
    expect(errors[5]).toBeInstanceOf(APIConnectionError)
    const accessTokens = [...new Set(issued())]
    expect(accessTokens).toHaveLength(2)
    const text = [...errors.map((e) => `${(e as Error).message} ${JSON.stringify(e)}`), ...lines].join('\n')
    expect(lines.length).toBeGreaterThan(10)
    expect(text).not.toContain(SUBJECT)
    for (const token of accessTokens) expect(text).not.toContain(token)
  })
})
