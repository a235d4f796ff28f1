import { createClient, OpenAIError } from '@acme/openai-core'
import { type MockServer, startMockServer } from '@acme/openai-mock'
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest'
import { connectRealtime } from './connect-realtime-node'
import { RealtimeClosedError } from './errors'
import { eventsUntil } from './events-until.test-helper'
import type { ConnectRealtimeOptions } from './open-realtime'
import type { RealtimeConnection } from './realtime-connection'
import type { RealtimeErrorEvent, RealtimeServerEvent } from './types/server-events'

let mock: MockServer
beforeAll(async () => {
  mock = await startMockServer()
})
afterAll(() => mock.close())

const open = (options?: ConnectRealtimeOptions) =>
  connectRealtime(
    createClient({ apiKey: 'sk-test', baseURL: mock.baseURL }),
    { model: 'gpt-realtime' },
    options,
  )
/** Sends a mock-only command (not a client event of the API). */
const command = (rt: RealtimeConnection, event: Record<string, unknown>) => rt.send(event as never)
const say = (rt: RealtimeConnection, text: string) =>
  rt.conversation.item.create({ type: 'message', role: 'user', content: [{ type: 'input_text', text }] })
const nextError = async (rt: RealtimeConnection) =>
  (await eventsUntil(rt, 'error')).at(-1) as RealtimeErrorEvent

describe('server error events are delivered, never thrown', () => {
  it('an unknown event type gives an error event that echoes event_id; the connection stays usable', async () => {
    const rt = await open()
    command(rt, { type: 'session.explode', event_id: 'evt_mine' })
    const error = await nextError(rt)
    expect(error.error).toMatchObject({
      type: 'invalid_request_error',
      code: 'invalid_value',
      param: 'type',
      event_id: 'evt_mine',
    })
    expect(error.error.message).toMatch(
      /^Invalid value: 'session.explode'\. Supported values are: 'session.update'/,
    )
    rt.session.update({ type: 'realtime', instructions: 'Be brief.' })
    const [updated] = (await eventsUntil(rt, 'session.updated')).slice(-1)
    expect(updated.type === 'session.updated' && (updated.session as any).instructions).toBe('Be brief.')
    await rt.close()
  })

  it('refuses a session.update without session.type, or with beta-era fields, as a whole', async () => {
    const rt = await open()
    rt.session.update({ instructions: 'x' } as never, { event_id: 'evt_1' })
    expect((await nextError(rt)).error).toEqual({
      type: 'invalid_request_error',
      code: 'missing_required_parameter',
      message: "Missing required parameter: 'session.type'.",
      param: 'session.type',
      event_id: 'evt_1',
    })
    rt.session.update({ type: 'realtime', instructions: 'x', modalities: ['text'] } as never)
    expect((await nextError(rt)).error).toMatchObject({
      code: 'unknown_parameter',
      param: 'session.modalities',
    })
    rt.session.update({ type: 'realtime' })
    const updated = (await eventsUntil(rt, 'session.updated')).at(-1) as any
    expect(updated.session.instructions).toBe('You are a helpful assistant. Answer briefly.')
    await rt.close()
  })

  it('refuses a second response while one is active, and a cancel with nothing active', async () => {
    const rt = await open()
    rt.response.cancel()
    expect((await nextError(rt)).error).toMatchObject({ code: 'response_cancel_not_active' })
    say(rt, 'Say hi')
    rt.response.create({ output_modalities: ['text'], metadata: { mock_delay_ms: '5' } })
    rt.response.create({ output_modalities: ['text'] })
    const error = await nextError(rt)
    expect(error.error.code).toBe('conversation_already_has_active_response')
    const done = (await eventsUntil(rt, 'response.done')).at(-1) as any
    expect(done.response.status).toBe('completed')
    await rt.close()
  })
})

describe('frames that are not events become typed error events', () => {
  it.each([
    ['not json at all', 'invalid_json', 'The server sent a frame that is not JSON; it was skipped.'],
    [
      '[1,2]',
      'invalid_event',
      'The server sent JSON that is not an event (an object with a string `type`); it was skipped.',
    ],
    [
      '{"type":7}',
      'invalid_event',
      'The server sent JSON that is not an event (an object with a string `type`); it was skipped.',
    ],
  ])('%s -> %s', async (frame, code, message) => {
    const rt = await open()
    await eventsUntil(rt, 'session.created')
    command(rt, { type: 'mock.raw', data: frame })
    const error = await nextError(rt)
    expect(error).toEqual({
      type: 'error',
      event_id: expect.stringMatching(/^event_local_\d+$/),
      error: { type: 'invalid_frame', code, message, param: null, event_id: null },
      frame,
    })
    command(rt, { type: 'mock.emit', event: { type: 'rate_limits.updated', rate_limits: [] } })
    expect((await eventsUntil(rt, 'rate_limits.updated')).map((e) => e.type)).toEqual(['rate_limits.updated'])
    await rt.close()
  })
})

describe('closing', () => {
  it('an unexpected close ends for-await with RealtimeClosedError after the events received before it', async () => {
    const rt = await open()
    command(rt, { type: 'mock.emit', event: { type: 'rate_limits.updated', rate_limits: [] } })
    command(rt, { type: 'mock.close', code: 4000, reason: 'bye' })
    const seen: string[] = []
    const error = await (async () => {
      for await (const event of rt) seen.push(event.type)
    })().catch((e: unknown) => e)
    expect(seen).toEqual(['session.created', 'rate_limits.updated'])
    expect(error).toBeInstanceOf(RealtimeClosedError)
    expect(error).toMatchObject({ code: 4000, reason: 'bye' })
    expect((error as Error).message).toBe(
      'The realtime connection closed unexpectedly (code 4000, reason "bye"). Events received before the close were delivered; call connectRealtime() again to continue.',
    )
    const info = await rt.closed
    expect(info).toMatchObject({ code: 4000, reason: 'bye', expected: false })
    expect(info.error).toBe(error)
    expect(() => rt.response.create()).toThrow(
      'The realtime connection is closed (code 4000), so `response.create` was not sent. Open a new one with connectRealtime().',
    )
  })

  it('a dropped connection (no close frame) is code 1006', async () => {
    const rt = await open()
    await eventsUntil(rt, 'session.created')
    command(rt, { type: 'mock.drop' })
    await expect(eventsUntil(rt, 'response.done')).rejects.toMatchObject({
      name: 'RealtimeClosedError',
      code: 1006,
    })
  })

  it('a normal close by the server (1000) ends for-await without error', async () => {
    const rt = await open()
    command(rt, { type: 'mock.close' })
    const types: string[] = []
    for await (const event of rt) types.push(event.type)
    expect(types).toEqual(['session.created'])
    expect(await rt.closed).toEqual({ code: 1000, reason: 'closed on request', expected: true })
  })

  it('close() ends a waiting for-await normally, and an aborted signal closes the connection', async () => {
    const rt = await open()
    await eventsUntil(rt, 'session.created')
    const loop = (async () => {
      const types: string[] = []
      for await (const event of rt) types.push(event.type)
      return types
    })()
    await rt.close(4001, 'done here')
    expect(await loop).toEqual([])
    expect(await rt.closed).toEqual({ code: 4001, reason: 'done here', expected: true })

    const controller = new AbortController()
    const aborted = await open({ signal: controller.signal })
    controller.abort()
    expect(await aborted.closed).toEqual({ code: 1000, reason: 'aborted', expected: true })
  })
})

describe('iteration and listeners', () => {
  it('break keeps the connection open; events are buffered for the next loop', async () => {
    const rt = await open()
    for await (const event of rt) if (event.type === 'session.created') break
    say(rt, 'one')
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect((await eventsUntil(rt, 'conversation.item.done')).map((e) => e.type)).toEqual([
      'conversation.item.added',
      'conversation.item.done',
    ])
    await rt.close()
  })

  it('on(type) gets typed events, "*" gets all, the returned function stops a listener', async () => {
    const rt = await open()
    const types: string[] = []
    const items: string[] = []
    const offAll = rt.on('*', (event) => types.push(event.type))
    const offItems = rt.on('conversation.item.done', (event) => {
      expectTypeOf(event.item).toEqualTypeOf<import('./types/items').RealtimeConversationItem>()
      items.push(event.item.id ?? '')
    })
    say(rt, 'one')
    await eventsUntil(rt, 'conversation.item.done')
    offItems()
    say(rt, 'two')
    await eventsUntil(rt, 'conversation.item.done')
    offAll()
    say(rt, 'three')
    await eventsUntil(rt, 'conversation.item.done')
    expect(items).toHaveLength(1)
    expect(types).toEqual([
      'session.created',
      'conversation.item.added',
      'conversation.item.done',
      'conversation.item.added',
      'conversation.item.done',
    ])
    await rt.close()
  })

  it('stops buffering past maxBufferedEvents, with an error for the next loop; listeners go on', async () => {
    const rt = await open({ maxBufferedEvents: 2 })
    let seen = 0
    rt.on('*', () => seen++)
    say(rt, 'Say hi')
    rt.response.create({ output_modalities: ['text'] })
    await new Promise<void>((resolve) => rt.on('response.done', () => resolve()))
    expect(seen).toBe(18) // session.created, the user item (2), the text turn (15)
    await expect(eventsUntil(rt, 'response.done')).rejects.toThrow(
      'More than 2 realtime events arrived while nobody iterated the connection',
    )
    await rt.close()
  })

  it('refuses a bad maxBufferedEvents and events that are not objects with a type', async () => {
    await expect(open({ maxBufferedEvents: 0 })).rejects.toThrow(
      'maxBufferedEvents must be a positive integer or Infinity, got 0',
    )
    const rt = await open()
    expect(() => rt.send({} as never)).toThrow(OpenAIError)
    await rt.close()
  })
})

describe('helpers send the documented client events', () => {
  it('retrieve, delete and errors for unknown items; a cancel mid-response ends it as cancelled', async () => {
    const rt = await open()
    rt.conversation.item.create({
      id: 'item_a',
      type: 'message',
      role: 'user',
      content: [{ type: 'input_text', text: 'hi' }],
    })
    rt.conversation.item.retrieve('item_a')
    const retrieved = (await eventsUntil(rt, 'conversation.item.retrieved')).at(-1) as any
    expect(retrieved.item).toMatchObject({ id: 'item_a', type: 'message', status: 'completed' })
    rt.conversation.item.delete('item_a')
    expect((await eventsUntil(rt, 'conversation.item.deleted')).at(-1)).toMatchObject({ item_id: 'item_a' })
    rt.conversation.item.delete('item_a', { event_id: 'evt_del' })
    expect((await nextError(rt)).error).toMatchObject({ code: 'item_not_found', event_id: 'evt_del' })

    say(rt, 'Say something long enough to cancel')
    rt.response.create({ output_modalities: ['text'], metadata: { mock_delay_ms: '20' } })
    await eventsUntil(rt, 'response.created')
    rt.response.cancel()
    const done = (await eventsUntil(rt, 'response.done')).at(-1) as any
    expect(done.response.status).toBe('cancelled')
    expect(done.response.status_details).toEqual({ type: 'cancelled', reason: 'client_cancelled' })
    await rt.close()
  })

  it('appends PCM16 as base64, commits it (with transcription) and truncates spoken audio', async () => {
    const rt = await open()
    rt.session.update({
      type: 'realtime',
      audio: { input: { transcription: { model: 'gpt-4o-transcribe' } } },
    })
    await eventsUntil(rt, 'session.updated')
    rt.inputAudioBuffer.commit({ event_id: 'evt_commit' })
    expect((await nextError(rt)).error).toMatchObject({
      code: 'input_audio_buffer_commit_empty',
      event_id: 'evt_commit',
    })
    rt.inputAudioBuffer.append(new Int16Array(2400)) // 100 ms at 24 kHz
    rt.inputAudioBuffer.append(new Uint8Array(4800).buffer)
    rt.inputAudioBuffer.commit()
    const events = await eventsUntil(rt, 'conversation.item.input_audio_transcription.completed')
    expect(events.map((e) => e.type)).toEqual([
      'input_audio_buffer.committed',
      'conversation.item.added',
      'conversation.item.done',
      'conversation.item.input_audio_transcription.delta',
      'conversation.item.input_audio_transcription.delta',
      'conversation.item.input_audio_transcription.delta',
      'conversation.item.input_audio_transcription.delta',
      'conversation.item.input_audio_transcription.completed',
    ])
    expect((events.at(-1) as any).transcript).toBe('(200 ms of audio)')
    rt.inputAudioBuffer.append(new Int16Array(100))
    rt.inputAudioBuffer.clear()
    await eventsUntil(rt, 'input_audio_buffer.cleared')

    rt.response.create()
    const done = (await eventsUntil(rt, 'response.done')).at(-1) as any
    const itemId = done.response.output[0].id
    rt.conversation.item.truncate({ item_id: itemId, content_index: 0, audio_end_ms: 120 })
    expect((await eventsUntil(rt, 'conversation.item.truncated')).at(-1)).toMatchObject({
      item_id: itemId,
      content_index: 0,
      audio_end_ms: 120,
    })
    rt.conversation.item.truncate({ item_id: itemId, content_index: 0, audio_end_ms: 5000 })
    expect((await nextError(rt)).error.message).toBe(
      'Audio content of 120ms is shorter than requested audio_end_ms of 5000ms.',
    )
    rt.outputAudioBuffer.clear()
    expect((await nextError(rt)).error.message).toBe(
      'output_audio_buffer.clear is only supported on WebRTC and SIP connections.',
    )
    await rt.close()
  })

  it('builds each client event exactly', async () => {
    const sent: string[] = []
    const socket = {
      readyState: 1,
      send: (data: string) => sent.push(data),
      close() {},
      addEventListener() {},
    }
    const { createRealtimeConnection } = await import('./realtime-connection')
    const rt = createRealtimeConnection(socket, { url: 'ws://x', maxBufferedEvents: 10 })
    rt.session.update({ type: 'realtime' }, { event_id: 'e1' })
    rt.conversation.item.create(
      { type: 'function_call_output', call_id: 'c', output: '1' },
      { previous_item_id: 'root' },
    )
    rt.conversation.item.retrieve('i1')
    rt.conversation.item.truncate({ item_id: 'i1', content_index: 0, audio_end_ms: 10 })
    rt.conversation.item.delete('i1')
    rt.response.create()
    rt.response.create({ conversation: 'none' })
    rt.response.cancel({ response_id: 'r1' })
    rt.inputAudioBuffer.append(new Int16Array([1, -2]))
    rt.inputAudioBuffer.append('AAA=')
    rt.inputAudioBuffer.commit()
    rt.inputAudioBuffer.clear()
    rt.outputAudioBuffer.clear()
    expect(sent.map((s) => JSON.parse(s))).toEqual([
      { event_id: 'e1', type: 'session.update', session: { type: 'realtime' } },
      {
        previous_item_id: 'root',
        type: 'conversation.item.create',
        item: { type: 'function_call_output', call_id: 'c', output: '1' },
      },
      { type: 'conversation.item.retrieve', item_id: 'i1' },
      { type: 'conversation.item.truncate', item_id: 'i1', content_index: 0, audio_end_ms: 10 },
      { type: 'conversation.item.delete', item_id: 'i1' },
      { type: 'response.create' },
      { type: 'response.create', response: { conversation: 'none' } },
      { response_id: 'r1', type: 'response.cancel' },
      { type: 'input_audio_buffer.append', audio: 'AQD+/w==' },
      { type: 'input_audio_buffer.append', audio: 'AAA=' },
      { type: 'input_audio_buffer.commit' },
      { type: 'input_audio_buffer.clear' },
      { type: 'output_audio_buffer.clear' },
    ])
  })

  it('splits audio larger than the 15 MiB event limit into several appends', async () => {
    const sent: string[] = []
    const socket = { readyState: 1, send: (d: string) => sent.push(d), close() {}, addEventListener() {} }
    const { createRealtimeConnection } = await import('./realtime-connection')
    const rt = createRealtimeConnection(socket, { url: 'ws://x', maxBufferedEvents: 10 })
    rt.inputAudioBuffer.append(new Uint8Array(23 * 1024 * 1024))
    const sizes = sent.map((s) => JSON.parse(s).audio.length)
    expect(sizes).toEqual([15_379_116, 15_379_116, 1_398_104])
    expect(sizes.every((n) => n <= 15 * 1024 * 1024)).toBe(true)
  })
})

it('types: on() narrows by type, and every event is a RealtimeServerEvent', () => {
  expectTypeOf<RealtimeConnection['on']>().toBeFunction()
  expectTypeOf<RealtimeErrorEvent>().toMatchTypeOf<RealtimeServerEvent>()
})

describe('listeners on the shared registry', () => {
  it('reports a throwing listener without breaking the others, iteration, or a listener added twice', async () => {
    const reported: unknown[] = []
    const onUncaught = (error: unknown) => reported.push(error)
    const previous = process.listeners('uncaughtException')
    process.removeAllListeners('uncaughtException')
    process.on('uncaughtException', onUncaught)
    try {
      const rt = await open()
      const heard: string[] = []
      const twice = (event: RealtimeServerEvent) => heard.push(event.type)
      rt.on('conversation.item.done', () => {
        throw new Error('listener bug')
      })
      const offTwice = rt.on('conversation.item.done', twice)
      rt.on('conversation.item.done', twice)
      say(rt, 'one')
      expect((await eventsUntil(rt, 'conversation.item.done')).at(-1)?.type).toBe('conversation.item.done')
      offTwice()
      say(rt, 'two')
      await eventsUntil(rt, 'conversation.item.done')
      await new Promise((resolve) => setTimeout(resolve, 0))
      expect(heard).toEqual(['conversation.item.done', 'conversation.item.done', 'conversation.item.done'])
      expect(reported.map((e) => (e as Error).message)).toEqual(['listener bug', 'listener bug'])
      await rt.close()
    } finally {
      process.off('uncaughtException', onUncaught)
      for (const listener of previous) process.on('uncaughtException', listener)
    }
  })
})
