import { type MockServer, startMockServer } from '@acme/openai-mock'
import { connectRealtime, RealtimeHandshakeError } from '@acme/openai-realtime'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { azureClient } from './azure-client'

let mock: MockServer
beforeAll(async () => {
  mock = await startMockServer()
})
afterAll(() => mock.close())
beforeEach(() => mock.reset())

const upgrades = () => mock.requests.filter((r) => r.path.endsWith('/realtime'))

/** Resolves with the first event of `type`. */
function firstEvent(rt: Awaited<ReturnType<typeof connectRealtime>>, type: string) {
  return new Promise<any>((resolve) => {
    const off = rt.on(type as never, (event: unknown) => {
      off?.()
      resolve(event)
    })
  })
}

describe('connectRealtime with an Azure client (mock)', () => {
  it("opens Azure's v1 socket with api-key and the deployment as the model", async () => {
    const client = azureClient({ endpoint: `${mock.url}/`, apiVersion: '2024-10-21', apiKey: 'azure-key' })
    const rt = await connectRealtime(client, { model: 'rt-deployment' })
    try {
      expect(rt.url).toBe(`${mock.url.replace('http:', 'ws:')}/openai/v1/realtime?model=rt-deployment`)
      const created = await firstEvent(rt, 'session.created')
      expect(created.session.model).toBe('rt-deployment')
      expect(upgrades()[0].headers['api-key']).toBe('azure-key')
      expect(upgrades()[0].query).toEqual({ model: 'rt-deployment' })
    } finally {
      rt.close()
    }
  })

  it('sends an Entra token as bearer, and replays a refused handshake once with a fresh one', async () => {
    let n = 0
    const client = azureClient({
      endpoint: mock.url,
      apiVersion: 'v1',
      azureADTokenProvider: async () => `entra-${++n}`,
    })
    mock.enqueueFault({ match: { path: '/v1/realtime' }, status: 401 })
    const rt = await connectRealtime(client, { model: 'rt' })
    rt.close()
    expect(upgrades().map((r) => r.headers.authorization)).toEqual(['Bearer entra-1', 'Bearer entra-2'])
    expect(upgrades().every((r) => r.headers['api-key'] === undefined)).toBe(true)
  })

  it('is refused without credentials the mock accepts', async () => {
    const empty = azureClient({ endpoint: mock.url, apiVersion: 'v', auth: { headers: () => ({}) } })
    const error = await connectRealtime(empty, { model: 'rt' }).catch((e) => e)
    expect(error).toBeInstanceOf(RealtimeHandshakeError)
    expect(error.status).toBe(401)
  })
})
