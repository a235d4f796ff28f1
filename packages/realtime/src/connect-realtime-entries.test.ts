import { createClient } from '@acme/openai-core'
import { type MockServer, startMockServer } from '@acme/openai-mock'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { connectRealtime as connectBrowser } from './connect-realtime-browser'
import { connectRealtime as connectNative } from './connect-realtime-native'
import { connectRealtime as connectWorkerd } from './connect-realtime-workerd'
import { RealtimeHandshakeError } from './errors'
import { eventsUntil } from './events-until.test-helper'

let mock: MockServer
beforeAll(async () => {
  mock = await startMockServer()
})
afterAll(() => mock.close())
beforeEach(() => mock.reset())

const client = (apiKey: string | null = 'ek_test_browser') => createClient({ apiKey, baseURL: mock.baseURL })
const lastUpgrade = () => mock.requests.at(-1)!

/**
 * A stand-in for workerd's `fetch` upgrade on Node: it opens the socket with `ws` and answers like workerd does,
 * a 101 Response-like object with `webSocket` (to `accept()`), or the refused status and body.
 */
function workerdFetch(seen: Array<{ url: string; headers: Record<string, string> }>): typeof fetch {
  return (async (url: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>
    seen.push({ url, headers })
    const socket = new WebSocket(url.replace(/^http/, 'ws'), { headers })
    return new Promise((resolve, reject) => {
      socket.once('unexpected-response', (_req, res) => {
        let body = ''
        res.on('data', (c: Buffer) => {
          body += c
        })
        res.on('end', () =>
          resolve({ status: res.statusCode, webSocket: null, text: async () => body } as unknown as Response),
        )
      })
      socket.once('upgrade', () => {
        let accepted = false
        // Like workerd: events flow only after accept(); the socket is open by then.
        const queued: unknown[] = []
        socket.on('message', (data) => (accepted ? undefined : queued.push(data)))
        const webSocket = {
          get readyState() {
            return socket.readyState
          },
          protocol: '',
          send: (data: string) => socket.send(data),
          close: (code?: number, reason?: string) => socket.close(code, reason),
          addEventListener: (type: string, listener: (event: any) => void) => {
            if (type === 'message') {
              for (const data of queued.splice(0)) listener({ data: String(data) })
              socket.on('message', (data) => listener({ data: String(data) }))
            } else socket.addEventListener(type as 'close', listener)
          },
          accept: () => {
            accepted = true
          },
        }
        resolve({ status: 101, webSocket, text: async () => '' } as unknown as Response)
      })
      socket.once('error', reject)
    })
  }) as unknown as typeof fetch
}

describe('browser entry: subprotocol auth', () => {
  it('offers realtime + openai-insecure-api-key.<key>, and the server selects realtime', async () => {
    const rt = await connectBrowser(client(), { model: 'gpt-realtime' }, { WebSocket: WebSocket as never })
    expect(rt.protocol).toBe('realtime')
    expect((await eventsUntil(rt, 'session.created')).length).toBe(1)
    await rt.close()
    expect(lastUpgrade().headers['sec-websocket-protocol']).toBe(
      'realtime,openai-insecure-api-key.ek_test_browser',
    )
    expect(lastUpgrade().headers.authorization).toBeUndefined()
  })

  it('offers only realtime without a key (a proxy adds credentials)', async () => {
    await expect(
      connectBrowser(client(null), { model: 'gpt-realtime' }, { WebSocket: WebSocket as never }),
    ).rejects.toMatchObject({ name: 'RealtimeHandshakeError', status: 401 })
    expect(lastUpgrade().headers['sec-websocket-protocol']).toBe('realtime')
  })

  it('says what to do when the runtime has no WebSocket', async () => {
    const saved = (globalThis as any).WebSocket
    ;(globalThis as any).WebSocket = undefined
    try {
      await expect(connectBrowser(client(), { model: 'gpt-realtime' })).rejects.toThrow(
        'This runtime has no global WebSocket. Pass one: connectRealtime(client, target, { WebSocket }).',
      )
    } finally {
      ;(globalThis as any).WebSocket = saved
    }
  })
})

describe('native entry (Deno, Bun, Node 22+): headers on the runtime WebSocket', () => {
  it('sends Authorization as an upgrade header', async () => {
    const rt = await connectNative(
      client('sk-native'),
      { model: 'gpt-realtime' },
      { WebSocket: WebSocket as never },
    )
    await rt.close()
    expect(lastUpgrade().headers.authorization).toBe('Bearer sk-native')
    expect(lastUpgrade().headers['sec-websocket-protocol']).toBeUndefined()
  })
})

describe('workerd entry: fetch with Upgrade: websocket', () => {
  it('upgrades through fetch with Authorization, accepts, and plays a text turn', async () => {
    const seen: Array<{ url: string; headers: Record<string, string> }> = []
    const workerdClient = createClient({
      apiKey: 'sk-worker',
      baseURL: mock.baseURL,
      fetch: workerdFetch(seen),
    })
    const rt = await connectWorkerd(workerdClient, { model: 'gpt-realtime' })
    rt.session.update({ type: 'realtime', output_modalities: ['text'] })
    rt.conversation.item.create({
      type: 'message',
      role: 'user',
      content: [{ type: 'input_text', text: 'Say hi' }],
    })
    rt.response.create()
    const events = await eventsUntil(rt, 'response.done')
    expect(events[0].type).toBe('session.created')
    expect((events.at(-1) as any).response.output[0].content[0].text).toBe('Hello! You said: Say hi')
    await rt.close()
    expect(seen).toEqual([
      {
        url: `${mock.baseURL}/realtime?model=gpt-realtime`,
        headers: expect.objectContaining({ upgrade: 'websocket', authorization: 'Bearer sk-worker' }),
      },
    ])
  })

  it('turns a refused upgrade into a RealtimeHandshakeError with the status', async () => {
    mock.enqueueFault({ match: { path: '/v1/realtime' }, status: 403 })
    const workerdClient = createClient({
      apiKey: 'sk-worker',
      baseURL: mock.baseURL,
      fetch: workerdFetch([]),
    })
    const error = await connectWorkerd(workerdClient, { model: 'gpt-realtime' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RealtimeHandshakeError)
    expect(error).toMatchObject({ status: 403 })
    expect((error as Error).message).toMatch(/^The credentials may not use the Realtime API \(403\)/)
  })

  it('uses subprotocols when a WebSocket class is injected', async () => {
    const rt = await connectWorkerd(client(), { model: 'gpt-realtime' }, { WebSocket: WebSocket as never })
    await rt.close()
    expect(lastUpgrade().headers['sec-websocket-protocol']).toBe(
      'realtime,openai-insecure-api-key.ek_test_browser',
    )
  })
})
