import { OpenAIError } from '@acme/openai-core'
import { describe, expect, it } from 'vitest'
import { gcpIdTokenProvider } from './gcp-id-token-provider'
import { resolveWorkloadIdentityOptions, type WorkloadIdentityOptions } from './workload-identity-options'

const valid: WorkloadIdentityOptions = {
  identityProviderId: 'idp_1',
  serviceAccountId: 'sa_1',
  provider: { tokenType: 'jwt', getToken: () => 'subject' },
}
const problem = (options: unknown) => {
  try {
    resolveWorkloadIdentityOptions(options as WorkloadIdentityOptions)
  } catch (error) {
    expect(error).toBeInstanceOf(OpenAIError)
    return (error as Error).message
  }
  throw new Error('expected the options to be refused')
}

describe('resolveWorkloadIdentityOptions', () => {
  it('fills in the defaults', () => {
    const resolved = resolveWorkloadIdentityOptions(valid)
    expect(resolved).toMatchObject({
      identityProviderId: 'idp_1',
      serviceAccountId: 'sa_1',
      clientId: undefined,
      refreshBufferSeconds: 1200,
      tokenURL: 'https://auth.openai.com/oauth/token',
      timeout: 10_000,
      logger: undefined,
    })
    expect(resolved.fetch()).toBe(globalThis.fetch)
    expect(typeof resolved.now()).toBe('number')
  })

  it('keeps what the caller gave', () => {
    const now = () => 5
    const customFetch = (() => {}) as unknown as typeof fetch
    const resolved = resolveWorkloadIdentityOptions({
      ...valid,
      clientId: 'app',
      refreshBufferSeconds: 0,
      tokenURL: 'http://127.0.0.1:1/oauth/token',
      timeout: 1,
      fetch: customFetch,
      now,
    })
    expect([resolved.clientId, resolved.refreshBufferSeconds, resolved.tokenURL, resolved.timeout]).toEqual([
      'app',
      0,
      'http://127.0.0.1:1/oauth/token',
      1,
    ])
    expect(resolved.fetch()).toBe(customFetch)
    expect(resolved.now).toBe(now)
  })

  it.each([
    [
      undefined,
      'workloadIdentity(): pass an options object: { identityProviderId, serviceAccountId, provider }.',
    ],
    [
      { ...valid, identity_provider_id: 'x' },
      'workloadIdentity(): options are camelCase: rename `identity_provider_id` to `identityProviderId`.',
    ],
    [
      { ...valid, apiKey: 'sk-x' },
      'workloadIdentity(): remove `apiKey`: workload identity replaces the API key, and the two cannot be combined.',
    ],
    [
      { ...valid, identityProviderId: ' ' },
      'workloadIdentity(): `identityProviderId` is required: the id of the identity provider configured in your OpenAI organization.',
    ],
    [
      { ...valid, serviceAccountId: undefined },
      'workloadIdentity(): `serviceAccountId` is required: the OpenAI service account the workload acts as.',
    ],
    [
      { ...valid, clientId: '' },
      'workloadIdentity(): `clientId` must be a non-empty string when given (or leave it out).',
    ],
    [
      { ...valid, provider: undefined },
      "workloadIdentity(): `provider` is required: e.g. gcpIdTokenProvider({ audience }), or { tokenType: 'jwt', getToken: () => token }.",
    ],
    [
      { ...valid, provider: gcpIdTokenProvider },
      'workloadIdentity(): `provider` is a function: call it to make a provider, e.g. `provider: gcpIdTokenProvider({ audience })`, or pass { tokenType, getToken }.',
    ],
    [
      { ...valid, provider: { tokenType: 'jwt', getToken: 'abc' } },
      'workloadIdentity(): `provider.getToken` must be a function that returns the subject token.',
    ],
    [
      { ...valid, provider: { tokenType: 'saml', getToken: () => 't' } },
      'workloadIdentity(): unsupported `provider.tokenType` "saml". Supported types: jwt, id.',
    ],
    [
      { ...valid, provider: { tokenType: 'toString', getToken: () => 't' } },
      'workloadIdentity(): unsupported `provider.tokenType` "toString". Supported types: jwt, id.',
    ],
    [
      { ...valid, refreshBufferSeconds: -1 },
      'workloadIdentity(): `refreshBufferSeconds` must be a number of seconds >= 0 (default 1200), got -1.',
    ],
    [
      { ...valid, refreshBufferSeconds: Number.NaN },
      'workloadIdentity(): `refreshBufferSeconds` must be a number of seconds >= 0 (default 1200), got NaN.',
    ],
    [
      { ...valid, refreshBufferSeconds: '60' },
      'workloadIdentity(): `refreshBufferSeconds` must be a number of seconds >= 0 (default 1200), got 60.',
    ],
    [
      { ...valid, tokenURL: 'auth.openai.com/oauth/token' },
      'workloadIdentity(): `tokenURL` must be an absolute http(s) URL without credentials, got auth.openai.com/oauth/token.',
    ],
    [
      { ...valid, tokenURL: 'https://user:secret@auth.example/token' },
      'workloadIdentity(): `tokenURL` must be an absolute http(s) URL without credentials, got https://***@auth.example/token.',
    ],
    [
      { ...valid, timeout: 0 },
      'workloadIdentity(): `timeout` must be a whole number of milliseconds > 0 (default 10000), got 0.',
    ],
    [{ ...valid, fetch: 'fetch' }, 'workloadIdentity(): `fetch` must be a function when given.'],
    [{ ...valid, now: 0 }, 'workloadIdentity(): `now` must be a function when given.'],
    [
      { ...valid, logger: {} },
      'workloadIdentity(): `logger` must have `info` and `warn` methods (console works).',
    ],
  ])('refuses misuse clearly (%#)', (options, message) => {
    expect(problem(options)).toBe(message)
  })
})
