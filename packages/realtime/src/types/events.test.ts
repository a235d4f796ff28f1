import { createClient } from '@acme/openai-core'
import { type MockServer, startMockServer } from '@acme/openai-mock'
import type {
  RealtimeClientEvent as OfficialClientEvent,
  RealtimeServerEvent as OfficialServerEvent,
} from 'openai/resources/realtime/realtime'
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest'
import { connectRealtime } from '../connect-realtime-node'
import { eventsUntil } from '../events-until.test-helper'
import type { RealtimeClientEvent } from './client-events'
import type { RealtimeServerEvent } from './server-events'

/** Required fields of each server event, from the spec's RealtimeServerEvent* schemas. */
const REQUIRED: Record<RealtimeServerEvent['type'], string[]> = {
  error: ['error'],
  'session.created': ['session'],
  'session.updated': ['session'],
  'conversation.created': ['conversation'],
  'conversation.item.added': ['item'],
  'conversation.item.done': ['item'],
  'conversation.item.created': ['item'],
  'conversation.item.retrieved': ['item'],
  'conversation.item.truncated': ['item_id', 'content_index', 'audio_end_ms'],
  'conversation.item.deleted': ['item_id'],
  'conversation.item.input_audio_transcription.delta': ['item_id'],
  'conversation.item.input_audio_transcription.completed': [
    'item_id',
    'content_index',
    'transcript',
    'usage',
  ],
  'conversation.item.input_audio_transcription.failed': ['item_id', 'content_index', 'error'],
  'conversation.item.input_audio_transcription.segment': [
    'item_id',
    'content_index',
    'text',
    'id',
    'speaker',
    'start',
    'end',
  ],
  'input_audio_buffer.speech_started': ['audio_start_ms', 'item_id'],
  'input_audio_buffer.speech_stopped': ['audio_end_ms', 'item_id'],
  'input_audio_buffer.committed': ['item_id'],
  'input_audio_buffer.cleared': [],
  'input_audio_buffer.timeout_triggered': ['audio_start_ms', 'audio_end_ms', 'item_id'],
  'input_audio_buffer.dtmf_event_received': ['event', 'received_at'],
  'output_audio_buffer.started': ['response_id'],
  'output_audio_buffer.stopped': ['response_id'],
  'output_audio_buffer.cleared': ['response_id'],
  'response.created': ['response'],
  'response.done': ['response'],
  'rate_limits.updated': ['rate_limits'],
  'response.output_item.added': ['response_id', 'output_index', 'item'],
  'response.output_item.done': ['response_id', 'output_index', 'item'],
  'response.content_part.added': ['response_id', 'item_id', 'output_index', 'content_index', 'part'],
  'response.content_part.done': ['response_id', 'item_id', 'output_index', 'content_index', 'part'],
  'response.output_text.delta': ['response_id', 'item_id', 'output_index', 'content_index', 'delta'],
  'response.output_text.done': ['response_id', 'item_id', 'output_index', 'content_index', 'text'],
  'response.output_audio.delta': ['response_id', 'item_id', 'output_index', 'content_index', 'delta'],
  'response.output_audio.done': ['response_id', 'item_id', 'output_index', 'content_index'],
  'response.output_audio_transcript.delta': [
    'response_id',
    'item_id',
    'output_index',
    'content_index',
    'delta',
  ],
  'response.output_audio_transcript.done': [
    'response_id',
    'item_id',
    'output_index',
    'content_index',
    'transcript',
  ],
  'response.function_call_arguments.delta': ['response_id', 'item_id', 'output_index', 'call_id', 'delta'],
  'response.function_call_arguments.done': [
    'response_id',
    'item_id',
    'output_index',
    'call_id',
    'name',
    'arguments',
  ],
  'mcp_list_tools.in_progress': ['item_id'],
  'mcp_list_tools.completed': ['item_id'],
  'mcp_list_tools.failed': ['item_id'],
  'response.mcp_call_arguments.delta': ['response_id', 'item_id', 'output_index', 'delta'],
  'response.mcp_call_arguments.done': ['response_id', 'item_id', 'output_index', 'arguments'],
  'response.mcp_call.in_progress': ['output_index', 'item_id'],
  'response.mcp_call.completed': ['output_index', 'item_id'],
  'response.mcp_call.failed': ['output_index', 'item_id'],
}

const CLIENT_TYPES = [
  'session.update',
  'input_audio_buffer.append',
  'input_audio_buffer.commit',
  'input_audio_buffer.clear',
  'conversation.item.create',
  'conversation.item.retrieve',
  'conversation.item.truncate',
  'conversation.item.delete',
  'response.create',
  'response.cancel',
  'output_audio_buffer.clear',
] as const

describe('event unions', () => {
  it('has the 46 server and 11 client event types of the GA API, as the official SDK', () => {
    expect(Object.keys(REQUIRED)).toHaveLength(46)
    expect(new Set(CLIENT_TYPES).size).toBe(11)
    expectTypeOf<keyof typeof REQUIRED>().toEqualTypeOf<RealtimeServerEvent['type']>()
    expectTypeOf<RealtimeServerEvent['type']>().toEqualTypeOf<OfficialServerEvent['type']>()
    expectTypeOf<RealtimeClientEvent['type']>().toEqualTypeOf<(typeof CLIENT_TYPES)[number]>()
    expectTypeOf<RealtimeClientEvent['type']>().toEqualTypeOf<OfficialClientEvent['type']>()
  })

  it('narrows on type', () => {
    const handle = (event: RealtimeServerEvent) => {
      if (event.type === 'response.output_text.delta') expectTypeOf(event.delta).toEqualTypeOf<string>()
      if (event.type === 'error') expectTypeOf(event.error.message).toEqualTypeOf<string>()
    }
    expect(handle).toBeTypeOf('function')
  })
})

describe('mock fidelity: every event the mock sends has the fields the spec requires', () => {
  let mock: MockServer
  beforeAll(async () => {
    mock = await startMockServer()
  })
  afterAll(() => mock.close())

  it('over text, audio and function-call turns, audio input with transcription, items and errors', async () => {
    const rt = await connectRealtime(createClient({ apiKey: 'sk-test', baseURL: mock.baseURL }), {
      model: 'gpt-realtime',
    })
    const events: RealtimeServerEvent[] = []
    rt.on('*', (event) => events.push(event))
    const say = (text: string) =>
      rt.conversation.item.create({ type: 'message', role: 'user', content: [{ type: 'input_text', text }] })
    rt.session.update({
      type: 'realtime',
      audio: { input: { transcription: { model: 'gpt-4o-transcribe' } } },
    })
    say('Say hi')
    rt.response.create()
    const spoken = (await eventsUntil(rt, 'response.done')).at(-1) as any
    rt.response.create({ output_modalities: ['text'] })
    await eventsUntil(rt, 'response.done')
    rt.session.update({
      type: 'realtime',
      tools: [{ type: 'function', name: 'get_weather', parameters: { type: 'object' } }],
      tool_choice: 'required',
    })
    say('Call the tool')
    rt.response.create()
    await eventsUntil(rt, 'response.done')
    rt.inputAudioBuffer.append(new Int16Array(2400))
    rt.inputAudioBuffer.commit()
    rt.inputAudioBuffer.clear()
    rt.conversation.item.retrieve(spoken.response.output[0].id)
    rt.conversation.item.truncate({
      item_id: spoken.response.output[0].id,
      content_index: 0,
      audio_end_ms: 10,
    })
    rt.conversation.item.delete(spoken.response.output[0].id)
    rt.response.cancel()
    await eventsUntil(rt, 'error')
    await rt.close()

    const seen = new Set(events.map((e) => e.type))
    expect([...seen].sort()).toEqual(
      [
        'session.created',
        'session.updated',
        'conversation.item.added',
        'conversation.item.done',
        'response.created',
        'rate_limits.updated',
        'response.output_item.added',
        'response.content_part.added',
        'response.output_audio.delta',
        'response.output_audio_transcript.delta',
        'response.output_audio.done',
        'response.output_audio_transcript.done',
        'response.content_part.done',
        'response.output_item.done',
        'response.done',
        'response.output_text.delta',
        'response.output_text.done',
        'response.function_call_arguments.delta',
        'response.function_call_arguments.done',
        'input_audio_buffer.committed',
        'conversation.item.input_audio_transcription.delta',
        'conversation.item.input_audio_transcription.completed',
        'input_audio_buffer.cleared',
        'conversation.item.retrieved',
        'conversation.item.truncated',
        'conversation.item.deleted',
        'error',
      ].sort(),
    )
    for (const event of events) {
      const missing = ['event_id', ...REQUIRED[event.type]].filter((field) => !(field in event))
      expect({ type: event.type, missing }).toEqual({ type: event.type, missing: [] })
      expect(event.event_id).toMatch(/^event_/)
    }
  })
})
