import { OpenAIError, withOptions } from '@acme/openai-core'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { azureClient } from './azure-client'

const ENV = [
  'AZURE_OPENAI_ENDPOINT',
  'AZURE_OPENAI_API_KEY',
  'OPENAI_API_VERSION',
  'OPENAI_BASE_URL',
  'OPENAI_API_KEY',
]
beforeEach(() => {
  for (const name of ENV) vi.stubEnv(name, '')
})
afterEach(() => vi.unstubAllEnvs())

const endpoint = 'https://res.openai.azure.com'
const base = { endpoint, apiVersion: '2024-10-21', apiKey: 'azure-key' }

async function headersOf(client: ReturnType<typeof azureClient>) {
  return client.auth!.headers({ method: 'POST', url: client.baseURL, signal: new AbortController().signal })
}

describe('azureClient: base URL, api-version and credentials', () => {
  it('builds <endpoint>/openai without trailing slashes and puts api-version in the default query', () => {
    const client = azureClient({ ...base, endpoint: `${endpoint}///` })
    expect(client.baseURL).toBe(`${endpoint}/openai`)
    expect(client.defaultQuery).toEqual({ 'api-version': '2024-10-21' })
    expect(client.apiKey).toBe(null)
  })

  it("keeps the caller's defaultQuery under api-version, and a baseURL as given", () => {
    const client = azureClient({
      baseURL: 'https://proxy.example/openai/',
      apiVersion: 'v',
      apiKey: 'k',
      defaultQuery: { a: '1', 'api-version': 'other' },
    })
    expect(client.baseURL).toBe('https://proxy.example/openai/')
    expect(client.defaultQuery).toEqual({ a: '1', 'api-version': 'v' })
  })

  it('sends a key as api-key, and a key function before every attempt', async () => {
    expect(await headersOf(azureClient(base))).toEqual({ 'api-key': 'azure-key' })
    let n = 0
    const rotating = azureClient({ ...base, apiKey: () => `key-${++n}` })
    expect(await headersOf(rotating)).toEqual({ 'api-key': 'key-1' })
    expect(await headersOf(rotating)).toEqual({ 'api-key': 'key-2' })
    expect(rotating.auth!.invalidate).toBeUndefined()
  })

  it('sends an Entra token as Authorization: Bearer, asking the provider every time, and may replay after 401', async () => {
    let n = 0
    const client = azureClient({ endpoint, apiVersion: 'v', azureADTokenProvider: async () => `tok-${++n}` })
    expect(await headersOf(client)).toEqual({ authorization: 'Bearer tok-1' })
    expect(await headersOf(client)).toEqual({ authorization: 'Bearer tok-2' })
    expect(await client.auth!.invalidate!()).toBe(true)
  })

  it("hands on a provider's own error, and says which provider returned no credential", async () => {
    const cause = new Error('no identity')
    const failing = azureClient({
      endpoint,
      apiVersion: 'v',
      azureADTokenProvider: () => Promise.reject(cause),
    })
    await expect(headersOf(failing)).rejects.toBe(cause)
    const empty = azureClient({ endpoint, apiVersion: 'v', azureADTokenProvider: () => '' })
    await expect(headersOf(empty)).rejects.toThrow(
      'Expected `azureADTokenProvider` to return a non-empty string, but it returned "".',
    )
    const keyless = azureClient({ ...base, apiKey: () => undefined as never })
    await expect(headersOf(keyless)).rejects.toThrow(
      'Expected `apiKey` to return a non-empty string, but it returned undefined.',
    )
  })

  it('selects the v1 API with apiVersion "v1": <endpoint>/openai/v1, no api-version, no routing', () => {
    const client = azureClient({ ...base, apiVersion: 'v1' })
    expect(client.baseURL).toBe(`${endpoint}/openai/v1`)
    expect(client.defaultQuery).toBeUndefined()
    expect(client.interceptors).toBeUndefined()
  })

  it('routes through an interceptor placed before the caller’s own, and withOptions keeps all of it', () => {
    const mine = vi.fn()
    const client = azureClient({ ...base, interceptors: [mine] })
    expect(client.interceptors).toHaveLength(2)
    expect(client.interceptors![1]).toBe(mine)
    const copy = withOptions(client, { maxRetries: 7 })
    expect(copy.maxRetries).toBe(7)
    expect(copy.baseURL).toBe(client.baseURL)
    expect(copy.defaultQuery).toEqual(client.defaultQuery)
    expect(copy.interceptors).toEqual(client.interceptors)
    expect(copy.auth).toBe(client.auth)
    expect(copy.options.dangerouslyAllowBrowser).toBe(client.options.dangerouslyAllowBrowser)
    expect((copy.options as { realtimeURL?: unknown }).realtimeURL).toBe(
      (client.options as { realtimeURL?: unknown }).realtimeURL,
    )
  })

  it('lets an Entra client run in a browser-like runtime unless told otherwise, as the official client does', () => {
    const token = azureClient({ endpoint, apiVersion: 'v', azureADTokenProvider: () => 't' })
    expect(token.options.dangerouslyAllowBrowser).toBe(true)
    expect(azureClient(base).options.dangerouslyAllowBrowser).toBeUndefined()
    const refused = azureClient({
      endpoint,
      apiVersion: 'v',
      azureADTokenProvider: () => 't',
      dangerouslyAllowBrowser: false,
    })
    expect(refused.options.dangerouslyAllowBrowser).toBe(false)
  })
})

describe('azureClient: environment defaults', () => {
  it('reads AZURE_OPENAI_ENDPOINT, AZURE_OPENAI_API_KEY and OPENAI_API_VERSION', async () => {
    vi.stubEnv('AZURE_OPENAI_ENDPOINT', 'https://env.openai.azure.com/')
    vi.stubEnv('AZURE_OPENAI_API_KEY', 'env-key')
    vi.stubEnv('OPENAI_API_VERSION', '2025-01-01-preview')
    const client = azureClient()
    expect(client.baseURL).toBe('https://env.openai.azure.com/openai')
    expect(client.defaultQuery).toEqual({ 'api-version': '2025-01-01-preview' })
    expect(await headersOf(client)).toEqual({ 'api-key': 'env-key' })
  })

  it('reads OPENAI_BASE_URL, which then takes the place of AZURE_OPENAI_ENDPOINT', () => {
    vi.stubEnv('OPENAI_BASE_URL', 'https://gateway.example/openai')
    vi.stubEnv('AZURE_OPENAI_ENDPOINT', 'https://env.openai.azure.com')
    expect(azureClient({ apiVersion: 'v', apiKey: 'k' }).baseURL).toBe('https://gateway.example/openai')
  })

  it('lets options win over the environment, and never reads OPENAI_API_KEY', async () => {
    vi.stubEnv('AZURE_OPENAI_ENDPOINT', 'https://env.openai.azure.com')
    vi.stubEnv('AZURE_OPENAI_API_KEY', 'env-key')
    vi.stubEnv('OPENAI_API_VERSION', 'env-version')
    vi.stubEnv('OPENAI_API_KEY', 'sk-openai')
    const client = azureClient(base)
    expect(client.baseURL).toBe(`${endpoint}/openai`)
    expect(client.defaultQuery).toEqual({ 'api-version': '2024-10-21' })
    expect(await headersOf(client)).toEqual({ 'api-key': 'azure-key' })
    vi.stubEnv('AZURE_OPENAI_API_KEY', '')
    expect(() => azureClient({ endpoint, apiVersion: 'v' })).toThrow('Missing credentials')
  })
})

describe('azureClient: error messages', () => {
  const fails = (options: Parameters<typeof azureClient>[0], message: string) => {
    const error = (() => {
      try {
        azureClient(options)
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(OpenAIError)
    expect((error as Error).message).toBe(message)
  }

  it('a missing api version', () =>
    fails(
      { endpoint, apiKey: 'k' },
      "The OPENAI_API_VERSION environment variable is missing or empty: set it, or pass `apiVersion` to azureClient (e.g. '2024-10-21', or 'v1' for Azure's v1 API).",
    ))

  it('missing credentials', () =>
    fails(
      { endpoint, apiVersion: 'v' },
      'Missing credentials. Pass one of `apiKey` and `azureADTokenProvider` to azureClient, or set the AZURE_OPENAI_API_KEY environment variable.',
    ))

  it('two credentials, also when the key came from AZURE_OPENAI_API_KEY (as in the official client)', () => {
    const token = () => 't'
    const message =
      'The `apiKey`, `azureADTokenProvider` and `auth` options are mutually exclusive: pass one of them to azureClient (AZURE_OPENAI_API_KEY sets `apiKey`).'
    fails({ ...base, azureADTokenProvider: token }, message)
    fails({ ...base, auth: { headers: () => ({}) } }, message)
    vi.stubEnv('AZURE_OPENAI_API_KEY', 'env-key')
    fails({ endpoint, apiVersion: 'v', azureADTokenProvider: token }, message)
  })

  it('both baseURL and endpoint, also when the baseURL came from OPENAI_BASE_URL', () => {
    const message =
      '`baseURL` and `endpoint` are mutually exclusive: pass one of them to azureClient (OPENAI_BASE_URL sets `baseURL`).'
    fails({ ...base, baseURL: 'https://x.example/openai' }, message)
    vi.stubEnv('OPENAI_BASE_URL', 'https://gateway.example/openai')
    fails(base, message)
  })

  it('neither baseURL nor endpoint', () =>
    fails(
      { apiVersion: 'v', apiKey: 'k' },
      'Must provide one of the `baseURL` or `endpoint` options to azureClient, or set the AZURE_OPENAI_ENDPOINT environment variable.',
    ))

  it('a deployment with the v1 API', () =>
    fails(
      { ...base, apiVersion: 'v1', deployment: 'd' },
      "Azure's v1 API has no deployment paths: with apiVersion 'v1', pass the deployment name as `model`, not `deployment`.",
    ))

  it('checks in the official order: version, credentials, both credentials, then the URL', () => {
    expect(() => azureClient({ azureADTokenProvider: () => 't', apiKey: 'k' })).toThrow('OPENAI_API_VERSION')
    expect(() => azureClient({ apiVersion: 'v', baseURL: 'x', endpoint: 'y' })).toThrow('Missing credentials')
    expect(() =>
      azureClient({
        apiVersion: 'v',
        azureADTokenProvider: () => 't',
        apiKey: 'k',
        baseURL: 'x',
        endpoint: 'y',
      }),
    ).toThrow('`auth` options are mutually exclusive')
  })
})
