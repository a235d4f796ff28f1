import { createServer } from 'node:net'
import { APIUserAbortError, type AuthProvider, createClient } from '@acme/openai-core'
import { type MockServer, startMockServer } from '@acme/openai-mock'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { connectRealtime } from './connect-realtime-node'
import { RealtimeHandshakeError } from './errors'
import { eventsUntil } from './events-until.test-helper'

let mock: MockServer
beforeAll(async () => {
  mock = await startMockServer()
})
afterAll(() => mock.close())
beforeEach(() => mock.reset())

const client = (options: Parameters<typeof createClient>[0] = {}) =>
  createClient({ apiKey: 'sk-test', baseURL: mock.baseURL, maxRetries: 0, ...options })
const upgrades = () => mock.requests.filter((r) => r.path.includes('/realtime'))

/** Text of the output deltas of a list of events. */
const deltas = (events: { type: string }[], type: string) =>
  events
    .filter((e) => e.type === type)
    .map((e: any) => e.delta)
    .join('')

describe('connectRealtime on Node (ws + Authorization header)', () => {
  it('opens after the handshake and plays the seed text turn in the documented order', async () => {
    const rt = await connectRealtime(client(), { model: 'gpt-realtime' })
    expect(rt.socket.readyState).toBe(1)
    expect(rt.url).toBe(`${mock.baseURL.replace('http:', 'ws:')}/realtime?model=gpt-realtime`)
    const [created] = await eventsUntil(rt, 'session.created')
    expect(created.type === 'session.created' && created.session.type).toBe('realtime')

    rt.session.update({ type: 'realtime', output_modalities: ['text'] })
    const [updated] = await eventsUntil(rt, 'session.updated')
    expect(updated.type === 'session.updated' && (updated.session as any).output_modalities).toEqual(['text'])
    rt.conversation.item.create({
      type: 'message',
      role: 'user',
      content: [{ type: 'input_text', text: 'Say hi' }],
    })
    rt.response.create()
    const events = await eventsUntil(rt, 'response.done')
    expect(events.map((e) => e.type)).toEqual([
      'conversation.item.added',
      'conversation.item.done',
      'response.created',
      'rate_limits.updated',
      'response.output_item.added',
      'conversation.item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'conversation.item.done',
      'response.done',
    ])
    expect(deltas(events, 'response.output_text.delta')).toBe('Hello! You said: Say hi')
    const done = events.at(-1)!
    expect(done.type === 'response.done' && done.response.status).toBe('completed')
    expect(await rt.close()).toEqual({ code: 1000, reason: 'OK', expected: true })

    const [upgrade] = upgrades()
    expect(upgrade).toMatchObject({ method: 'GET', path: '/v1/realtime', query: { model: 'gpt-realtime' } })
    expect(upgrade.headers.authorization).toBe('Bearer sk-test')
    expect(upgrade.headers['sec-websocket-protocol']).toBeUndefined()
    expect(upgrade.headers['user-agent']).toMatch(/^acme-openai\//)
  })

  it('plays an audio turn: audio deltas interleaved with transcript deltas', async () => {
    const rt = await connectRealtime(client(), { model: 'gpt-realtime' })
    rt.conversation.item.create({
      type: 'message',
      role: 'user',
      content: [{ type: 'input_text', text: 'Say hi' }],
    })
    rt.response.create()
    const events = (await eventsUntil(rt, 'response.done')).filter((e) => e.type.startsWith('response.'))
    expect(events.map((e) => e.type)).toEqual([
      'response.created',
      'response.output_item.added',
      'response.content_part.added',
      ...Array.from({ length: 5 }, () => [
        'response.output_audio.delta',
        'response.output_audio_transcript.delta',
      ]).flat(),
      'response.output_audio.done',
      'response.output_audio_transcript.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.done',
    ])
    expect(deltas(events, 'response.output_audio_transcript.delta')).toBe('Hello! You said: Say hi')
    const done = events.at(-1) as any
    expect(done.response.output[0].content).toEqual([
      { type: 'output_audio', transcript: 'Hello! You said: Say hi' },
    ])
    expect(done.response.output_modalities).toEqual(['audio'])
    await rt.close()
  })

  it('plays a function call, then answers the function output', async () => {
    const rt = await connectRealtime(client(), { model: 'gpt-realtime' })
    rt.session.update({
      type: 'realtime',
      output_modalities: ['text'],
      tools: [
        {
          type: 'function',
          name: 'get_weather',
          parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
        },
      ],
    })
    rt.conversation.item.create({
      type: 'message',
      role: 'user',
      content: [{ type: 'input_text', text: 'What is the weather in Paris?' }],
    })
    rt.response.create()
    const events = await eventsUntil(rt, 'response.done')
    const call = events.find((e) => e.type === 'response.function_call_arguments.done')
    if (call?.type !== 'response.function_call_arguments.done') throw new Error('no function call')
    expect(call.name).toBe('get_weather')
    expect(JSON.parse(call.arguments)).toEqual({ city: 'Paris' })
    expect(deltas(events, 'response.function_call_arguments.delta')).toBe(call.arguments)
    const added = events.find((e) => e.type === 'response.output_item.added') as any
    expect(added.item).toMatchObject({
      type: 'function_call',
      name: 'get_weather',
      call_id: call.call_id,
      arguments: '',
    })

    rt.conversation.item.create({
      type: 'function_call_output',
      call_id: call.call_id,
      output: '{"temp_c":18}',
    })
    rt.response.create()
    const answer = await eventsUntil(rt, 'response.done')
    expect(deltas(answer, 'response.output_text.delta')).toBe('Hello! You said: {"temp_c":18}')
    await rt.close()
  })

  it('connects to a call (call_id) or a transcription session (intent)', async () => {
    const call = await connectRealtime(client(), { callId: 'rtc_123' })
    const transcription = await connectRealtime(client(), { intent: 'transcription' })
    const [created] = await eventsUntil(transcription, 'session.created')
    expect(created.type === 'session.created' && created.session.type).toBe('transcription')
    await Promise.all([call.close(), transcription.close()])
    expect(upgrades().map((r) => r.query)).toEqual([{ call_id: 'rtc_123' }, { intent: 'transcription' }])
  })

  it('resolves an apiKey function and sends organization, project and extra headers', async () => {
    const rt = await connectRealtime(
      client({ apiKey: async () => 'sk-rotated', organization: 'org_1', project: 'proj_1' }),
      { model: 'gpt-realtime' },
      { headers: { 'x-trace': 'abc' }, query: { extra: '1' } },
    )
    await rt.close()
    const [upgrade] = upgrades()
    expect(upgrade.query).toEqual({ extra: '1', model: 'gpt-realtime' })
    expect(upgrade.headers).toMatchObject({
      authorization: 'Bearer sk-rotated',
      'openai-organization': 'org_1',
      'openai-project': 'proj_1',
      'x-trace': 'abc',
    })
  })

  it('uses an auth provider, and replays once after a 401 when it invalidates its token', async () => {
    let token = 'tok_old'
    const calls: string[] = []
    const auth: AuthProvider = {
      headers: ({ method, url }) => {
        calls.push(`${method} ${url}`)
        return { authorization: `Bearer ${token}` }
      },
      invalidate: () => {
        token = 'tok_new'
        return true
      },
    }
    mock.enqueueFault({ match: { path: '/v1/realtime' }, status: 401 })
    const rt = await connectRealtime(createClient({ auth, baseURL: mock.baseURL }), { model: 'gpt-realtime' })
    await rt.close()
    expect(calls).toEqual([
      `GET ${mock.baseURL.replace('http:', 'ws:')}/realtime?model=gpt-realtime`,
      `GET ${mock.baseURL.replace('http:', 'ws:')}/realtime?model=gpt-realtime`,
    ])
    expect(upgrades().map((r) => r.headers.authorization)).toEqual(['Bearer tok_old', 'Bearer tok_new'])
  })
})

describe('a failed handshake says why', () => {
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('expected the connection to fail')
      },
      (error: unknown) => error as RealtimeHandshakeError,
    )

  it('401: the key was refused; the server message is kept, the key is not', async () => {
    const noKey = await failure(
      connectRealtime(createClient({ apiKey: null, baseURL: mock.baseURL }), { model: 'gpt-realtime' }),
    )
    expect(noKey).toBeInstanceOf(RealtimeHandshakeError)
    expect(noKey.status).toBe(401)
    expect(noKey.message).toContain('The server refused the credentials (401)')
    expect(noKey.message).toContain('Server said: Missing credentials.')
    expect((noKey.error as any).code).toBe('invalid_api_key')

    mock.enqueueFault({
      match: { path: '/v1/realtime' },
      status: 401,
      body: {
        error: { message: 'Incorrect API key provided: sk-secret-0123456789', code: 'invalid_api_key' },
      },
    })
    const refused = await failure(
      connectRealtime(client({ apiKey: 'sk-secret-0123456789' }), { model: 'gpt-realtime' }),
    )
    expect(refused.status).toBe(401)
    expect(refused.message).not.toContain('sk-secret-0123456789')
    expect(refused.message).toContain('Incorrect API key provided: sk-***')
  })

  it('404: a wrong baseURL', async () => {
    const error = await failure(
      connectRealtime(client({ baseURL: `${mock.url}/v2` }), { model: 'gpt-realtime' }),
    )
    expect(error.status).toBe(404)
    expect(error.message).toMatch(/^Nothing answers at this URL \(404\)\. Check the client baseURL/)
    expect(error.url).toBe(`${mock.url.replace('http:', 'ws:')}/v2/realtime?model=gpt-realtime`)
  })

  it('refused: nothing listens on the port', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number }
        server.close(() => resolve(port))
      })
    })
    const error = await failure(
      connectRealtime(client({ baseURL: `http://127.0.0.1:${port}/v1` }), { model: 'gpt-realtime' }),
    )
    expect(error).toBeInstanceOf(RealtimeHandshakeError)
    expect(error.code).toBe('ECONNREFUSED')
    expect(error.status).toBeUndefined()
    expect(error.message).toMatch(/^Connection refused: nothing listens at that host and port/)
  })

  it('timeout: no answer within `timeout`', async () => {
    mock.enqueueFault({ match: { path: '/v1/realtime' }, delayMs: 60_000 })
    const error = await failure(connectRealtime(client(), { model: 'gpt-realtime' }, { timeout: 50 }))
    expect(error).toBeInstanceOf(RealtimeHandshakeError)
    expect(error.code).toBe('ETIMEDOUT')
    expect(error.message).toMatch(/^No WebSocket handshake before the timeout/)
  })

  it('abort: the caller aborted before or during the handshake', async () => {
    await expect(
      connectRealtime(client(), { model: 'gpt-realtime' }, { signal: AbortSignal.abort() }),
    ).rejects.toBeInstanceOf(APIUserAbortError)
    mock.enqueueFault({ match: { path: '/v1/realtime' }, delayMs: 60_000 })
    const controller = new AbortController()
    const pending = connectRealtime(client(), { model: 'gpt-realtime' }, { signal: controller.signal })
    setTimeout(() => controller.abort(), 20)
    await expect(pending).rejects.toBeInstanceOf(APIUserAbortError)
  })

  it('400: a target is required, and the server refuses an empty one', async () => {
    await expect(connectRealtime(client(), {} as never)).rejects.toThrow(
      "Pass exactly one of { model: 'gpt-realtime' }, { callId: 'rtc_…' } or { intent: 'transcription' }",
    )
    const error = await failure(
      connectRealtime(client(), { model: 'gpt-realtime' }, { query: { call_id: 'x' } }),
    )
    expect(error.status).toBe(400)
    expect(error.message).toContain('Pass exactly one of the query parameters model, call_id or intent')
  })
})
