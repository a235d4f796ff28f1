import { createClient, request } from '@acme/openai-core'
import { type MockServer, startMockServer } from '@acme/openai-mock'
import OpenAI from 'openai'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { workloadIdentity } from './workload-identity'

// The official SDK (dev only) has the same feature with a fixed token URL; its fetch is pointed at the mock.
let mock: MockServer
beforeAll(async () => {
  mock = await startMockServer()
})
afterAll(() => mock.close())
beforeEach(() => {
  mock.reset()
  vi.stubEnv('OPENAI_API_KEY', '')
})

const identity = (subject: string, tokenType: 'jwt' | 'id', clientId?: string) => ({
  identityProviderId: 'idp_conf',
  serviceAccountId: 'sa_conf',
  clientId,
  provider: { tokenType, getToken: async () => subject },
})

async function official(subject: string, tokenType: 'jwt' | 'id', clientId?: string) {
  const client = new OpenAI({
    baseURL: mock.baseURL,
    workloadIdentity: identity(subject, tokenType, clientId),
    maxRetries: 0,
    fetch: (url, init) => fetch(String(url).replace('https://auth.openai.com', mock.url), init),
  })
  await client.models.list()
}

async function ours(subject: string, tokenType: 'jwt' | 'id', clientId?: string) {
  const client = createClient({
    baseURL: mock.baseURL,
    maxRetries: 0,
    auth: workloadIdentity({
      ...identity(subject, tokenType, clientId),
      tokenURL: `${mock.url}/oauth/token`,
    }),
  })
  await request(client, { method: 'get', path: '/models' })
}

describe('conformance with the official openai package', () => {
  it.each([
    ['jwt', undefined],
    ['id', 'client_conf'],
  ] as const)('sends the same exchange and bearer (%s, client_id %s)', async (tokenType, clientId) => {
    await official('subject-conf', tokenType, clientId)
    const theirs = mock.requests.splice(0)
    await ours('subject-conf', tokenType, clientId)
    const mine = mock.requests.splice(0)
    expect(mine.map((r) => `${r.method} ${r.path}${r.search}`)).toEqual(
      theirs.map((r) => `${r.method} ${r.path}${r.search}`),
    )
    expect(mine.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /oauth/token', 'GET /v1/models'])
    expect(mine[0].json).toEqual(theirs[0].json)
    expect(mine[0].headers['content-type']).toBe(theirs[0].headers['content-type'])
    expect([mine[0].headers.authorization, theirs[0].headers.authorization]).toEqual([undefined, undefined])
    // Each client got its own token; both send it the same way.
    const shape = (value: string | undefined) => value?.replace(/wiat_mock_\d+_[0-9a-f]+/, '<token>')
    expect(shape(mine[1].headers.authorization)).toBe('Bearer <token>')
    expect(shape(mine[1].headers.authorization)).toBe(shape(theirs[1].headers.authorization))
  })
})
