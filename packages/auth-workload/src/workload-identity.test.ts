import { APIUserAbortError, InternalServerError } from '@acme/openai-core'
import { type MockServer, startMockServer } from '@acme/openai-mock'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { OAuthError } from './oauth-error'
import type { SubjectTokenProvider } from './subject-token-provider'
import { workloadIdentity } from './workload-identity'
import type { WorkloadIdentityOptions } from './workload-identity-options'

let mock: MockServer
beforeAll(async () => {
  mock = await startMockServer()
})
afterAll(() => mock.close())
beforeEach(() => mock.reset())

const exchanges = () => mock.requests.filter((r) => r.path === '/oauth/token')

/** A fake clock in ms, a counting custom provider, and options pointing at the mock. */
function setup(overrides: Partial<WorkloadIdentityOptions> = {}, expiresIn = 3600) {
  const clock = { t: 1_000_000 }
  let calls = 0
  const provider: SubjectTokenProvider = { tokenType: 'jwt', getToken: () => `subject-token-${++calls}` }
  const auth = workloadIdentity({
    identityProviderId: 'idp_123',
    serviceAccountId: 'sa_456',
    provider,
    tokenURL: `${mock.url}/oauth/token?expires_in=${expiresIn}`,
    now: () => clock.t,
    ...overrides,
  })
  return { auth, clock, providerCalls: () => calls }
}

const bearer = async (auth: ReturnType<typeof workloadIdentity>) => (await auth.headers()).authorization

describe('workloadIdentity', () => {
  it('exchanges once, sends the RFC 8693 JSON body, and reuses the token', async () => {
    const { auth, providerCalls } = setup()
    const first = await bearer(auth)
    expect(first).toMatch(/^Bearer wiat_mock_\d{4}_[0-9a-f]{24}$/)
    expect(await bearer(auth)).toBe(first)
    expect(exchanges()).toHaveLength(1)
    expect(providerCalls()).toBe(1)
    const [exchange] = exchanges()
    expect(exchange.method).toBe('POST')
    expect(exchange.headers['content-type']).toBe('application/json')
    expect(exchange.headers.authorization).toBeUndefined()
    expect(exchange.json).toEqual({
      grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
      subject_token: 'subject-token-1',
      subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
      identity_provider_id: 'idp_123',
      service_account_id: 'sa_456',
    })
  })

  it('sends client_id when given and the id_token type for an `id` provider', async () => {
    const { auth } = setup({
      clientId: 'app_789',
      provider: { tokenType: 'id', getToken: () => 'gcp-id-token' },
    })
    await auth.headers()
    expect(exchanges()[0].json).toEqual({
      grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
      client_id: 'app_789',
      subject_token: 'gcp-id-token',
      subject_token_type: 'urn:ietf:params:oauth:token-type:id_token',
      identity_provider_id: 'idp_123',
      service_account_id: 'sa_456',
    })
  })

  it.each([
    // [expires_in, buffer, refresh after (s)]
    [3600, undefined, 2400],
    [3600, 120, 3480],
    [600, undefined, 300],
    [3600, 0, 3600],
  ])(
    'expires_in %i with buffer %s refreshes exactly %i s after the exchange',
    async (expiresIn, buffer, after) => {
      const { auth, clock, providerCalls } = setup({ refreshBufferSeconds: buffer }, expiresIn)
      const issuedAt = clock.t
      const first = await bearer(auth)
      clock.t = issuedAt + after * 1000 - 1
      expect(await bearer(auth)).toBe(first)
      expect(exchanges()).toHaveLength(1)
      clock.t = issuedAt + after * 1000
      const second = await bearer(auth)
      expect(second).not.toBe(first)
      expect(exchanges()).toHaveLength(2)
      expect(providerCalls()).toBe(2)
      expect(exchanges()[1].json).toMatchObject({ subject_token: 'subject-token-2' })
    },
  )

  it('counts the lifetime from when the exchange was sent', async () => {
    const clock = { t: 0 }
    const auth = workloadIdentity({
      identityProviderId: 'idp',
      serviceAccountId: 'sa',
      provider: { tokenType: 'jwt', getToken: () => 'subject' },
      tokenURL: `${mock.url}/oauth/token?expires_in=600`,
      // The clock moves 5 s while the exchange is in flight.
      fetch: async (url, init) => {
        const response = await fetch(url, init)
        clock.t += 5000
        return response
      },
      now: () => clock.t,
    })
    await auth.headers()
    clock.t = 300_000 - 1
    await auth.headers()
    expect(exchanges()).toHaveLength(1)
    clock.t = 300_000
    await auth.headers()
    expect(exchanges()).toHaveLength(2)
  })

  it('runs exactly one exchange for 100 concurrent callers around the refresh instant', async () => {
    const { auth, clock } = setup()
    const issuedAt = clock.t
    const old = await bearer(auth)
    clock.t = issuedAt + 2_400_000 - 1
    const before = Array.from({ length: 50 }, () => bearer(auth))
    clock.t = issuedAt + 2_400_000
    const after = Array.from({ length: 50 }, () => bearer(auth))
    const [early, late] = [await Promise.all(before), await Promise.all(after)]
    expect(new Set(early)).toEqual(new Set([old]))
    expect(new Set(late).size).toBe(1)
    expect(late[0]).not.toBe(old)
    expect(exchanges()).toHaveLength(2)
  })

  it('also runs one exchange for 100 callers when nothing is cached yet', async () => {
    const { auth, providerCalls } = setup()
    const all = await Promise.all(Array.from({ length: 100 }, () => bearer(auth)))
    expect(new Set(all).size).toBe(1)
    expect(exchanges()).toHaveLength(1)
    expect(providerCalls()).toBe(1)
  })

  it('rejects every waiter when the exchange fails, remembers nothing, and the next call exchanges again', async () => {
    const { auth } = setup()
    mock.enqueueFault({ match: { path: '/oauth/token' }, status: 503 })
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => auth.headers()))
    expect(exchanges()).toHaveLength(1)
    const reasons = results.map((r) => (r.status === 'rejected' ? r.reason : r.value))
    expect(reasons.every((r) => r === reasons[0])).toBe(true)
    expect(reasons[0]).toBeInstanceOf(InternalServerError)
    expect(reasons[0].status).toBe(503)
    expect(await bearer(auth)).toMatch(/^Bearer wiat_mock_/)
    expect(exchanges()).toHaveLength(2)
  })

  it('rejects the waiters of a due refresh too, even while the old token is still valid', async () => {
    const { auth, clock } = setup()
    await auth.headers()
    clock.t += 2_400_000
    mock.enqueueFault({
      match: { path: '/oauth/token' },
      status: 401,
      body: { error: 'invalid_grant', error_description: 'Mapping removed.' },
    })
    const results = await Promise.allSettled([auth.headers(), auth.headers()])
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected'])
    expect((results[0] as PromiseRejectedResult).reason).toBeInstanceOf(OAuthError)
    await auth.headers()
    expect(exchanges()).toHaveLength(3)
  })

  it('invalidate() drops the token, returns true, and the next call exchanges a new subject token', async () => {
    const { auth, providerCalls } = setup()
    const first = await bearer(auth)
    expect(auth.invalidate()).toBe(true)
    const second = await bearer(auth)
    expect(second).not.toBe(first)
    expect(providerCalls()).toBe(2)
    expect(auth.invalidate()).toBe(true)
    expect(auth.invalidate()).toBe(true)
    await auth.headers()
    expect(exchanges()).toHaveLength(3)
  })

  it('invalidate() during an exchange keeps that exchange and its new token', async () => {
    const { auth } = setup()
    const pending = bearer(auth)
    auth.invalidate()
    const token = await pending
    expect(await bearer(auth)).toBe(token)
    expect(exchanges()).toHaveLength(1)
  })

  it('an aborted signal stops only that caller; the shared exchange goes on for the others', async () => {
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const { auth } = setup({
      provider: {
        tokenType: 'jwt',
        getToken: async () => {
          await gate
          return 'slow-subject'
        },
      },
    })
    const controller = new AbortController()
    const aborted = auth.headers({ signal: controller.signal })
    const other = auth.headers()
    controller.abort()
    await expect(aborted).rejects.toBeInstanceOf(APIUserAbortError)
    release()
    expect((await other).authorization).toMatch(/^Bearer wiat_mock_/)
    expect(exchanges()).toHaveLength(1)
    const already = new AbortController()
    already.abort()
    await expect(auth.headers({ signal: already.signal })).rejects.toBeInstanceOf(APIUserAbortError)
  })

  it('logs one info line per exchange and one warn line per failure, with no token in them', async () => {
    const lines: string[] = []
    const logger = {
      error: (m: string) => lines.push(`error ${m}`),
      warn: (m: string) => lines.push(`warn ${m}`),
      info: (m: string) => lines.push(`info ${m}`),
      debug: (m: string) => lines.push(`debug ${m}`),
    }
    const { auth } = setup({ logger })
    const token = (await bearer(auth)).slice('Bearer '.length)
    mock.enqueueFault({ match: { path: '/oauth/token' }, status: 500 })
    auth.invalidate()
    await auth.headers().catch(() => {})
    expect(lines).toEqual([
      'info [workload-identity] exchanged a custom subject token for an access token valid 3600 s; refreshing after 2400 s',
      `warn [workload-identity] token exchange failed: 500 The token exchange at ${mock.url}/oauth/token?expires_in=3600 failed`,
    ])
    expect(lines.join('\n')).not.toContain(token)
    expect(lines.join('\n')).not.toContain('subject-token')
  })
})

describe('workloadIdentity with an endpoint answering an expires_in of years', () => {
  it('keeps the token for at most a day (less the refresh buffer), then exchanges again', async () => {
    const { auth, clock } = setup({}, 10 * 365 * 86_400)
    const issuedAt = clock.t
    const first = await bearer(auth)
    clock.t = issuedAt + (86_400 - 1200) * 1000 - 1
    expect(await bearer(auth)).toBe(first)
    clock.t = issuedAt + (86_400 - 1200) * 1000
    expect(await bearer(auth)).not.toBe(first)
  })
})
