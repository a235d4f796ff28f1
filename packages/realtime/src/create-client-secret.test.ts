import { BadRequestError, createClient } from '@acme/openai-core'
import { type MockServer, startMockServer } from '@acme/openai-mock'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { connectRealtime } from './connect-realtime-browser'
import { createClientSecret } from './create-client-secret'
import { RealtimeHandshakeError } from './errors'
import { eventsUntil } from './events-until.test-helper'

let mock: MockServer
beforeAll(async () => {
  mock = await startMockServer()
})
afterAll(() => mock.close())
beforeEach(() => mock.reset())

const server = () => createClient({ apiKey: 'sk-server', baseURL: mock.baseURL, maxRetries: 0 })

describe('createClientSecret', () => {
  it('POSTs /v1/realtime/client_secrets and returns the key with its effective session', async () => {
    const { data, response } = await createClientSecret(server(), {
      expires_after: { anchor: 'created_at', seconds: 120 },
      session: { type: 'realtime', model: 'gpt-realtime', instructions: 'Speak French.' },
    }).withResponse()
    expect(response.status).toBe(200)
    expect(data.value).toMatch(/^ek_mock_\d{4}$/)
    expect(data.expires_at - Math.floor(Date.now() / 1000)).toBeGreaterThan(100)
    expect(data.session).toMatchObject({
      type: 'realtime',
      object: 'realtime.session',
      model: 'gpt-realtime',
      instructions: 'Speak French.',
    })
    const [recorded] = mock.requests
    expect(recorded).toMatchObject({ method: 'POST', path: '/v1/realtime/client_secrets' })
    expect(recorded.headers['content-type']).toBe('application/json')
    expect(recorded.headers.authorization).toBe('Bearer sk-server')
    expect(recorded.json).toEqual({
      expires_after: { anchor: 'created_at', seconds: 120 },
      session: { type: 'realtime', model: 'gpt-realtime', instructions: 'Speak French.' },
    })
  })

  it('sends an empty object by default, and surfaces a 400 for an expiry out of range', async () => {
    await createClientSecret(server())
    expect(mock.requests[0].json).toEqual({})
    const error = await createClientSecret(server(), { expires_after: { seconds: 5 } }).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(BadRequestError)
    expect((error as BadRequestError).message).toBe(
      "400 Invalid 'expires_after.seconds': 5. Expected an integer between 10 and 7200.",
    )
  })

  it('hands a browser an ephemeral key: it connects through subprotocols into the configured session', async () => {
    const { value } = await createClientSecret(server(), {
      session: { type: 'realtime', instructions: 'Speak French.' },
    })
    const browserClient = createClient({ apiKey: value, baseURL: mock.baseURL })
    const rt = await connectRealtime(
      browserClient,
      { model: 'gpt-realtime' },
      { WebSocket: WebSocket as never },
    )
    expect(rt.protocol).toBe('realtime')
    const [created] = await eventsUntil(rt, 'session.created')
    expect((created as any).session.instructions).toBe('Speak French.')
    await rt.close()
    const upgrade = mock.requests.at(-1)!
    expect(upgrade.headers['sec-websocket-protocol']).toBe(`realtime,openai-insecure-api-key.${value}`)
    expect(upgrade.headers.authorization).toBeUndefined()

    const unknown = createClient({ apiKey: 'ek_mock_9999', baseURL: mock.baseURL })
    const error = await connectRealtime(
      unknown,
      { model: 'gpt-realtime' },
      { WebSocket: WebSocket as never },
    ).catch((e: unknown) => e as RealtimeHandshakeError)
    expect(error).toBeInstanceOf(RealtimeHandshakeError)
    expect((error as RealtimeHandshakeError).status).toBe(401)
    expect((error as Error).message).not.toContain('ek_mock_9999')
  })
})
