import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startMockServer } from '../start-mock-server'
import type { MockServer } from '../types'
import { TOKEN_EXCHANGE_GRANT_TYPE } from './token-exchange'

const validBody = {
  grant_type: TOKEN_EXCHANGE_GRANT_TYPE,
  subject_token: 'subject-token-for-mock-tests',
  subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
  identity_provider_id: 'idp_123',
  service_account_id: 'sa_456',
}

describe('token exchange', () => {
  let server: MockServer
  beforeAll(async () => {
    server = await startMockServer()
  })
  afterAll(() => server.close())
  beforeEach(() => server.reset())

  const exchange = (body: unknown, query = '') =>
    fetch(`${server.url}/oauth/token${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })
  const listModels = (token: string) =>
    fetch(`${server.baseURL}/models`, { headers: { authorization: `Bearer ${token}` } })

  it('issues a bearer token with the requested lifetime, which the API then accepts', async () => {
    const response = await exchange(validBody, '?expires_in=120')
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const body = await response.json()
    expect(body).toEqual({
      access_token: expect.stringMatching(/^wiat_mock_\d{4}_[0-9a-f]{24}$/),
      issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
      token_type: 'Bearer',
      expires_in: 120,
    })
    expect((await listModels(body.access_token)).status).toBe(200)
  })

  it('defaults to one hour and accepts client_id and an id_token subject', async () => {
    const body = await (
      await exchange({
        ...validBody,
        client_id: 'app_1',
        subject_token_type: 'urn:ietf:params:oauth:token-type:id_token',
      })
    ).json()
    expect(body.expires_in).toBe(3600)
  })

  it.each([
    ['a form body', 'grant_type=x', 'invalid_request', 'Send the token-exchange parameters as a JSON object'],
    [
      'another grant type',
      { ...validBody, grant_type: 'client_credentials' },
      'unsupported_grant_type',
      `grant_type must be "${TOKEN_EXCHANGE_GRANT_TYPE}".`,
    ],
    [
      'an empty subject token',
      { ...validBody, subject_token: '' },
      'invalid_request',
      'Missing or empty subject_token.',
    ],
    [
      'no service account',
      { ...validBody, service_account_id: undefined },
      'invalid_request',
      'Missing or empty service_account_id.',
    ],
    [
      'an unknown subject token type',
      { ...validBody, subject_token_type: 'urn:ietf:params:oauth:token-type:saml2' },
      'invalid_request',
      'subject_token_type must be one of urn:ietf:params:oauth:token-type:jwt, urn:ietf:params:oauth:token-type:id_token.',
    ],
    [
      'an empty client_id',
      { ...validBody, client_id: '' },
      'invalid_request',
      'client_id, when sent, must be a non-empty string.',
    ],
  ])('refuses %s with 400 and an OAuth error body', async (_, body, error, description) => {
    const response = await exchange(body)
    expect(response.status).toBe(400)
    const json = await response.json()
    expect(json.error).toBe(error)
    expect(json.error_description.startsWith(description)).toBe(true)
    expect(JSON.stringify(json)).not.toContain('subject-token-for-mock-tests')
  })

  it('refuses a bad expires_in control parameter', async () => {
    for (const query of ['?expires_in=0', '?expires_in=abc', '?expires_in=1&expires_in=2']) {
      const response = await exchange(validBody, query)
      expect(response.status).toBe(400)
      expect((await response.json()).error).toBe('invalid_request')
    }
  })

  it('fails on demand through a fault, without needing an API key', async () => {
    server.enqueueFault({
      match: { path: '/oauth/token' },
      status: 401,
      body: { error: 'invalid_grant', error_description: 'No service account mapping found.' },
    })
    const response = await exchange(validBody)
    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'No service account mapping found.',
    })
    expect((await exchange(validBody)).status).toBe(200)
  })

  it('answers 401 token_revoked on API routes once a token is revoked (form or JSON)', async () => {
    const { access_token: first } = await (await exchange(validBody)).json()
    const { access_token: second } = await (await exchange(validBody)).json()
    const revokeForm = await fetch(`${server.url}/oauth/revoke`, {
      method: 'POST',
      body: new URLSearchParams({ token: first }),
    })
    expect(await revokeForm.json()).toEqual({ revoked: true })
    const revokeJson = await fetch(`${server.url}/oauth/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: second }),
    })
    expect(await revokeJson.json()).toEqual({ revoked: true })
    for (const token of [first, second]) {
      const refused = await listModels(token)
      expect(refused.status).toBe(401)
      const body = await refused.json()
      expect(body.error.code).toBe('token_revoked')
      expect(JSON.stringify(body)).not.toContain(token)
    }
  })

  it('answers 401 token_expired once the lifetime has passed', async () => {
    const { access_token } = await (await exchange(validBody, '?expires_in=0.02')).json()
    await new Promise((resolve) => setTimeout(resolve, 40))
    const refused = await listModels(access_token)
    expect(refused.status).toBe(401)
    expect((await refused.json()).error.code).toBe('token_expired')
  })

  it('leaves other bearers alone and reports unknown tokens on revoke', async () => {
    expect((await listModels('sk-any-key')).status).toBe(200)
    const revoke = await fetch(`${server.url}/oauth/revoke`, {
      method: 'POST',
      body: new URLSearchParams({ token: 'never-issued' }),
    })
    expect(await revoke.json()).toEqual({ revoked: false })
    const missing = await fetch(`${server.url}/oauth/revoke`, { method: 'POST' })
    expect(missing.status).toBe(400)
  })

  it('forgets issued tokens on reset, so they act like any other bearer', async () => {
    const { access_token } = await (await exchange(validBody)).json()
    await fetch(`${server.url}/oauth/revoke`, {
      method: 'POST',
      body: new URLSearchParams({ token: access_token }),
    })
    server.reset()
    expect((await listModels(access_token)).status).toBe(200)
  })
})

describe('token exchange without requireAuth', () => {
  it('does not check issued tokens when the server checks no auth at all', async () => {
    const server = await startMockServer({ requireAuth: false })
    try {
      const exchanged = await fetch(`${server.url}/oauth/token`, {
        method: 'POST',
        body: JSON.stringify(validBody),
      })
      const { access_token } = await exchanged.json()
      await fetch(`${server.url}/oauth/revoke`, {
        method: 'POST',
        body: new URLSearchParams({ token: access_token }),
      })
      const response = await fetch(`${server.baseURL}/models`, {
        headers: { authorization: `Bearer ${access_token}` },
      })
      expect(response.status).toBe(200)
    } finally {
      await server.close()
    }
  })
})
