import { OpenAIError } from '@acme/openai-core'
import { type MockServer, startMockServer } from '@acme/openai-mock'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { azureManagedIdentityTokenProvider } from './azure-managed-identity-token-provider'
import { SubjectTokenProviderError } from './subject-token-provider-error'

let mock: MockServer
beforeAll(async () => {
  mock = await startMockServer()
})
afterAll(() => mock.close())
beforeEach(() => mock.reset())

const IMDS = '/metadata/identity/oauth2/token'
const claims = (jwt: string) => JSON.parse(atob(jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')))
const failure = (result: string | Promise<string>) =>
  Promise.resolve(result).then(
    () => undefined,
    (e) => e as SubjectTokenProviderError,
  )

describe('azureManagedIdentityTokenProvider', () => {
  it('asks IMDS with Metadata: true and the query in IMDS order, and returns the JWT', async () => {
    const provider = azureManagedIdentityTokenProvider({
      resource: 'https://management.azure.com/',
      host: mock.url,
    })
    expect([provider.tokenType, provider.name]).toEqual(['jwt', 'azure-imds'])
    const token = await provider.getToken()
    expect(claims(token).aud).toBe('https://management.azure.com/')
    const [sent] = mock.requests
    expect([sent.method, sent.path, sent.search]).toEqual([
      'GET',
      IMDS,
      '?api-version=2018-02-01&resource=https%3A%2F%2Fmanagement.azure.com%2F',
    ])
    expect(sent.headers.metadata).toBe('true')
  })

  it.each([
    [{ clientId: 'cid' }, '&client_id=cid', { appid: 'cid' }],
    [{ objectId: 'oid' }, '&object_id=oid', { oid: 'oid' }],
    [
      { msiResId: '/subscriptions/s/rg' },
      '&msi_res_id=%2Fsubscriptions%2Fs%2Frg',
      { xms_mirid: '/subscriptions/s/rg' },
    ],
  ])('names a user-assigned identity with %j', async (identity, query, claim) => {
    const provider = azureManagedIdentityTokenProvider({
      resource: 'api://openai',
      apiVersion: '2019-08-01',
      host: mock.url,
      ...identity,
    })
    expect(claims(await provider.getToken())).toMatchObject(claim)
    expect(mock.requests[0].search).toBe(`?api-version=2019-08-01&resource=api%3A%2F%2Fopenai${query}`)
  })

  it('accepts a host without a scheme and with a trailing slash', async () => {
    const host = `${mock.url.replace('http://', '')}/`
    await azureManagedIdentityTokenProvider({ resource: 'r', host }).getToken()
    expect(mock.requests[0].path).toBe(IMDS)
  })

  it('turns an IMDS error status into a SubjectTokenProviderError quoting its error', async () => {
    mock.enqueueFault({
      match: { path: IMDS },
      status: 400,
      body: { error: 'invalid_request', error_description: 'Identity not found' },
    })
    const error = await failure(
      azureManagedIdentityTokenProvider({ resource: 'r', host: mock.url }).getToken(),
    )
    expect(error).toBeInstanceOf(SubjectTokenProviderError)
    expect([error!.message, error!.provider, error!.status]).toEqual([
      'Failed to get a subject token: Azure IMDS answered HTTP 400 (invalid_request: Identity not found).',
      'azure-imds',
      400,
    ])
  })

  it('refuses an answer without access_token', async () => {
    mock.enqueueFault({ match: { path: IMDS }, status: 200, body: { token_type: 'Bearer' } })
    const error = await failure(
      azureManagedIdentityTokenProvider({ resource: 'r', host: mock.url }).getToken(),
    )
    expect(error!.message).toBe('Failed to get a subject token: Azure IMDS answered without an access_token.')
  })

  it('says where it runs when IMDS cannot be reached, and times out', async () => {
    const unreachable = await failure(
      azureManagedIdentityTokenProvider({ resource: 'r', host: '127.0.0.1:1' }).getToken(),
    )
    expect(unreachable!.message).toMatch(
      /^Failed to get a subject token: could not reach Azure IMDS at http:\/\/127\.0\.0\.1:1: fetch failed \(.+\)\. Is this running on Azure with a managed identity assigned\?$/,
    )
    mock.enqueueFault({ match: { path: IMDS }, delayMs: 2000 })
    const slow = await failure(
      azureManagedIdentityTokenProvider({ resource: 'r', host: mock.url, timeout: 30 }).getToken(),
    )
    expect(slow!.message).toBe(
      'Failed to get a subject token: Azure IMDS did not answer within 30 ms. Is this running on Azure with a managed identity assigned?',
    )
  })

  it('uses the given fetch', async () => {
    const urls: string[] = []
    const provider = azureManagedIdentityTokenProvider({
      resource: 'r',
      fetch: async (url) => {
        urls.push(String(url))
        return new Response('{"access_token":"from-custom-fetch"}')
      },
    })
    expect(await provider.getToken()).toBe('from-custom-fetch')
    expect(urls).toEqual([
      'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=r',
    ])
  })

  it.each([
    [
      {},
      'azureManagedIdentityTokenProvider(): `resource` is required: the audience your OpenAI identity provider expects.',
    ],
    [
      { resource: 'r', clientId: 'a', msiResId: 'b' },
      'azureManagedIdentityTokenProvider(): give at most one of clientId, objectId, msiResId (got clientId, msiResId).',
    ],
    [
      { resource: 'r', host: 'ftp://x' },
      'azureManagedIdentityTokenProvider(): `host` must be a host such as 127.0.0.1:8080 or an http(s) origin.',
    ],
    [
      { resource: 'r', timeout: -1 },
      'azureManagedIdentityTokenProvider(): `timeout` must be a whole number of milliseconds > 0 (default 10000).',
    ],
  ])('refuses misuse up front (%#)', (options, message) => {
    expect(() => azureManagedIdentityTokenProvider(options as never)).toThrow(new OpenAIError(message))
  })
})
