import type { WebSocket } from 'ws'
import { countTokens } from '../generate/reply-text'
import { isRecord } from '../is-record'
import { type MockState, nextId } from '../mock-state'
import { wait } from '../wait'
import { type RealtimeWireError, updateSession } from './realtime-session-config'
import { argumentPieces, audioPieces, contextTokens, planRealtimeReply, SAMPLE_RATE } from './realtime-turns'

/** The 11 GA client event types. */
const CLIENT_EVENT_TYPES = [
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
]

/** At least this much audio must be in the buffer to commit it (100 ms of PCM16 at 24 kHz). */
const MIN_COMMIT_BYTES = (SAMPLE_RATE / 10) * 2

interface StoredItem {
  item: Record<string, any>
  /** Milliseconds of assistant audio, for truncate. */
  audioMs?: number
}

interface ActiveResponse {
  id: string
  cancelled: boolean
}

const STOP = Symbol('stop')
const CANCEL = Symbol('cancel')

function invalid(message: string, param: string | null = null, code = 'invalid_value'): RealtimeWireError {
  return { type: 'invalid_request_error', code, message, param }
}

/**
 * Plays the realtime protocol on one accepted socket: `session.created` first, then an answer to every client event
 * (A.5/A.8 of the protocol notes), `error` events for bad ones, and the mock-only `mock.*` commands:
 * `mock.close {code, reason}`, `mock.drop` (no close frame), `mock.raw {data}` (any text frame) and
 * `mock.emit {event}` (any server event). `response.create` with `metadata.mock_delay_ms` paces its events.
 */
export function runRealtimeSession(
  ws: WebSocket,
  state: MockState,
  initial: Record<string, any>,
  closing: AbortSignal,
): void {
  let session = initial
  const conversationId = nextId(state, 'conv')
  const items: StoredItem[] = []
  let audioBytes = 0
  let active: ActiveResponse | null = null
  const lifetime = new AbortController()
  const stop = () => lifetime.abort()
  closing.addEventListener('abort', stop, { once: true })
  ws.once('close', () => {
    closing.removeEventListener('abort', stop)
    stop()
  })

  const emit = (event: Record<string, any>) => {
    if (ws.readyState !== ws.OPEN) return
    const { type, ...rest } = event
    ws.send(JSON.stringify({ type, event_id: rest.event_id ?? nextId(state, 'event'), ...rest }))
  }
  const fail = (error: RealtimeWireError, clientEventId: string | null) =>
    emit({ type: 'error', error: { ...error, event_id: clientEventId } })
  const indexOf = (id: unknown) => items.findIndex((stored) => stored.item.id === id)
  const lastItemId = () => items.at(-1)?.item.id ?? null

  function createItem(event: Record<string, any>, eventId: string | null) {
    const item = event.item
    if (!isRecord<any>(item))
      return fail(
        invalid("Missing required parameter: 'item'.", 'item', 'missing_required_parameter'),
        eventId,
      )
    const problem = itemProblem(item)
    if (problem) return fail(problem, eventId)
    if (item.id !== undefined && indexOf(item.id) !== -1)
      return fail(
        invalid(`Item with id '${item.id}' already exists.`, 'item.id', 'duplicate_item_id'),
        eventId,
      )
    let at = items.length
    const previous = event.previous_item_id
    if (previous === 'root') at = 0
    else if (previous !== undefined && previous !== null) {
      const index = indexOf(previous)
      if (index === -1)
        return fail(
          invalid(`Previous item with id '${previous}' not found.`, 'previous_item_id', 'item_not_found'),
          eventId,
        )
      at = index + 1
    }
    const stored = {
      id: item.id ?? nextId(state, 'item'),
      object: 'realtime.item',
      ...item,
      status: 'completed',
    }
    const previousId = at === 0 ? null : items[at - 1].item.id
    items.splice(at, 0, { item: stored })
    emit({ type: 'conversation.item.added', previous_item_id: previousId, item: stored })
    emit({ type: 'conversation.item.done', previous_item_id: previousId, item: stored })
  }

  function commitAudio(eventId: string | null) {
    if (audioBytes < MIN_COMMIT_BYTES)
      return fail(
        invalid(
          `Error committing input audio buffer: buffer too small. Expected at least 100ms of audio, but buffer only has ${((audioBytes / 2 / SAMPLE_RATE) * 1000).toFixed(2)}ms of audio.`,
          null,
          'input_audio_buffer_commit_empty',
        ),
        eventId,
      )
    const ms = Math.round((audioBytes / 2 / SAMPLE_RATE) * 1000)
    audioBytes = 0
    const transcribe = session.audio?.input?.transcription
    const transcript = `(${ms} ms of audio)`
    const item = {
      id: nextId(state, 'item'),
      object: 'realtime.item',
      type: 'message',
      status: 'completed',
      role: 'user',
      content: [{ type: 'input_audio', transcript: null as string | null }],
    }
    const previousId = lastItemId()
    items.push({ item })
    emit({ type: 'input_audio_buffer.committed', previous_item_id: previousId, item_id: item.id })
    emit({ type: 'conversation.item.added', previous_item_id: previousId, item })
    emit({ type: 'conversation.item.done', previous_item_id: previousId, item })
    if (!transcribe) return
    item.content[0].transcript = transcript
    for (const delta of transcript.match(/\S+\s*/g) ?? [])
      emit({
        type: 'conversation.item.input_audio_transcription.delta',
        item_id: item.id,
        content_index: 0,
        delta,
      })
    const tokens = countTokens(transcript)
    emit({
      type: 'conversation.item.input_audio_transcription.completed',
      item_id: item.id,
      content_index: 0,
      transcript,
      usage: { type: 'tokens', input_tokens: tokens, output_tokens: tokens, total_tokens: 2 * tokens },
    })
  }

  async function playResponse(params: Record<string, any>, eventId: string | null) {
    const inConversation = (params.conversation ?? 'auto') !== 'none'
    if (inConversation && active)
      return fail(
        invalid(
          `Conversation already has an active response in progress: ${active.id}. Wait until the response is finished before creating a new one.`,
          null,
          'conversation_already_has_active_response',
        ),
        eventId,
      )
    const run: ActiveResponse = { id: nextId(state, 'resp'), cancelled: false }
    if (inConversation) active = run
    const context = Array.isArray(params.input)
      ? params.input.map((entry: any) =>
          entry?.type === 'item_reference' ? items[indexOf(entry.id)]?.item : entry,
        )
      : items.map((stored) => stored.item)
    const plan = planRealtimeReply(session, params, context)
    const modalities: string[] = params.output_modalities ?? session.output_modalities ?? ['audio']
    const speak = plan.kind === 'message' && modalities.includes('audio')
    const output = session.audio?.output ?? {}
    const response: Record<string, any> = {
      object: 'realtime.response',
      id: run.id,
      status: 'in_progress',
      status_details: null,
      output: [],
      conversation_id: inConversation ? conversationId : null,
      output_modalities: [speak ? 'audio' : 'text'],
      max_output_tokens: params.max_output_tokens ?? session.max_output_tokens ?? 'inf',
      audio: {
        output: {
          format: params.audio?.output?.format ?? output.format ?? { type: 'audio/pcm', rate: 24000 },
          voice: params.audio?.output?.voice ?? output.voice ?? 'marin',
        },
      },
      usage: null,
      metadata: params.metadata ?? null,
    }
    const delayMs = Number(params.metadata?.mock_delay_ms) || 0
    const signal = lifetime.signal
    const step = async (event: Record<string, any>) => {
      // Yield between events (a timer with mock_delay_ms), so a response.cancel can arrive mid-response.
      const alive =
        delayMs > 0
          ? await wait(delayMs, signal)
          : await new Promise<boolean>((resolve) => setImmediate(() => resolve(!signal.aborted)))
      if (!alive) throw STOP
      if (run.cancelled) throw CANCEL
      emit(event)
    }

    const previousId = lastItemId()
    const itemId = nextId(state, 'item')
    const itemBase = { response_id: run.id, item_id: itemId, output_index: 0 }
    const base = { ...itemBase, content_index: 0 }
    const item: Record<string, any> =
      plan.kind === 'function_call'
        ? {
            id: itemId,
            object: 'realtime.item',
            type: 'function_call',
            status: 'in_progress',
            name: plan.name,
            call_id: nextId(state, 'call'),
            arguments: '',
          }
        : {
            id: itemId,
            object: 'realtime.item',
            type: 'message',
            status: 'in_progress',
            role: 'assistant',
            content: [],
          }
    let started = false
    let text = ''
    let samples = 0
    const outputTokens = () => countTokens(plan.kind === 'function_call' ? item.arguments : text)
    const usage = () => {
      const input = contextTokens(context)
      const out = outputTokens()
      return {
        total_tokens: input + out,
        input_tokens: input,
        output_tokens: out,
        input_token_details: {
          text_tokens: input,
          audio_tokens: 0,
          image_tokens: 0,
          cached_tokens: 0,
          cached_tokens_details: { text_tokens: 0, audio_tokens: 0, image_tokens: 0 },
        },
        output_token_details: { text_tokens: speak ? 0 : out, audio_tokens: speak ? out : 0 },
      }
    }
    const finalContent = () =>
      speak ? [{ type: 'output_audio', transcript: text }] : [{ type: 'output_text', text }]

    try {
      await step({ type: 'response.created', response: { ...response } })
      await step({
        type: 'rate_limits.updated',
        rate_limits: [
          { name: 'requests', limit: 1000, remaining: 999, reset_seconds: 60 },
          { name: 'tokens', limit: 50000, remaining: 49000, reset_seconds: 60 },
        ],
      })
      await step({
        type: 'response.output_item.added',
        response_id: run.id,
        output_index: 0,
        item: { ...item },
      })
      started = true
      if (inConversation) {
        items.push({ item })
        await step({ type: 'conversation.item.added', previous_item_id: previousId, item: { ...item } })
      }
      if (plan.kind === 'function_call') {
        for (const delta of argumentPieces(plan.arguments)) {
          await step({
            type: 'response.function_call_arguments.delta',
            ...itemBase,
            call_id: item.call_id,
            delta,
          })
          item.arguments += delta
        }
        item.arguments = plan.arguments
        await step({
          type: 'response.function_call_arguments.done',
          ...itemBase,
          call_id: item.call_id,
          name: plan.name,
          arguments: plan.arguments,
        })
      } else {
        const part = speak ? { type: 'audio', transcript: '' } : { type: 'text', text: '' }
        await step({ type: 'response.content_part.added', ...base, part })
        if (speak) {
          for (const piece of audioPieces(plan.text)) {
            await step({ type: 'response.output_audio.delta', ...base, delta: piece.audio })
            samples += piece.samples
            await step({ type: 'response.output_audio_transcript.delta', ...base, delta: piece.transcript })
            text += piece.transcript
          }
          await step({ type: 'response.output_audio.done', ...base })
          await step({ type: 'response.output_audio_transcript.done', ...base, transcript: text })
          await step({
            type: 'response.content_part.done',
            ...base,
            part: { type: 'audio', transcript: text },
          })
        } else {
          for (const delta of wordsOf(plan.text)) {
            await step({ type: 'response.output_text.delta', ...base, delta })
            text += delta
          }
          await step({ type: 'response.output_text.done', ...base, text })
          await step({ type: 'response.content_part.done', ...base, part: { type: 'text', text } })
        }
        item.content = finalContent()
      }
      const incomplete = plan.kind === 'message' && plan.truncated
      item.status = incomplete ? 'incomplete' : 'completed'
      const stored = items.find((entry) => entry.item === item)
      if (stored && speak) stored.audioMs = Math.round((samples / SAMPLE_RATE) * 1000)
      await step({
        type: 'response.output_item.done',
        response_id: run.id,
        output_index: 0,
        item: { ...item },
      })
      if (inConversation)
        await step({ type: 'conversation.item.done', previous_item_id: previousId, item: { ...item } })
      if (active === run) active = null
      emit({
        type: 'response.done',
        response: {
          ...response,
          status: incomplete ? 'incomplete' : 'completed',
          status_details: incomplete ? { type: 'incomplete', reason: 'max_output_tokens' } : null,
          output: [{ ...item }],
          usage: usage(),
        },
      })
    } catch (signalled) {
      if (active === run) active = null
      if (signalled !== CANCEL) return
      // Cancelled: the item in flight ends incomplete, then the response is done as cancelled.
      if (started) {
        item.status = 'incomplete'
        if (plan.kind === 'message') item.content = finalContent()
        emit({ type: 'response.output_item.done', response_id: run.id, output_index: 0, item: { ...item } })
        if (inConversation)
          emit({ type: 'conversation.item.done', previous_item_id: previousId, item: { ...item } })
      }
      emit({
        type: 'response.done',
        response: {
          ...response,
          status: 'cancelled',
          status_details: { type: 'cancelled', reason: 'client_cancelled' },
          output: started ? [{ ...item }] : [],
          usage: usage(),
        },
      })
    }
  }

  function control(event: Record<string, any>, eventId: string | null) {
    switch (event.type) {
      case 'mock.close':
        try {
          ws.close(event.code ?? 1000, event.reason ?? 'closed on request')
        } catch (error) {
          fail(invalid(`mock.close: ${(error as Error).message}`, 'code'), eventId)
        }
        return
      case 'mock.drop':
        return void ws.terminate()
      case 'mock.raw':
        return void ws.send(String(event.data ?? ''))
      case 'mock.emit':
        if (!isRecord<any>(event.event) || typeof event.event.type !== 'string')
          return fail(invalid('mock.emit needs an `event` object with a string `type`.', 'event'), eventId)
        return emit(event.event)
      default:
        return fail(
          invalid(
            `Unknown mock command '${event.type}'. The mock knows mock.close, mock.drop, mock.raw and mock.emit.`,
            'type',
          ),
          eventId,
        )
    }
  }

  function handle(event: Record<string, any>, eventId: string | null) {
    switch (event.type) {
      case 'session.update': {
        const result = updateSession(session, event.session)
        if ('error' in result) return fail(result.error, eventId)
        session = result.session
        return emit({ type: 'session.updated', session })
      }
      case 'input_audio_buffer.append': {
        if (typeof event.audio !== 'string')
          return fail(
            invalid("Missing required parameter: 'audio'.", 'audio', 'missing_required_parameter'),
            eventId,
          )
        if (!/^[A-Za-z0-9+/]*={0,2}$/.test(event.audio) || event.audio.length % 4 !== 0)
          return fail(invalid("Invalid 'audio': expected base64-encoded audio bytes.", 'audio'), eventId)
        audioBytes += Buffer.byteLength(event.audio, 'base64')
        return
      }
      case 'input_audio_buffer.commit':
        return commitAudio(eventId)
      case 'input_audio_buffer.clear':
        audioBytes = 0
        return emit({ type: 'input_audio_buffer.cleared' })
      case 'conversation.item.create':
        return createItem(event, eventId)
      case 'conversation.item.retrieve':
      case 'conversation.item.delete':
      case 'conversation.item.truncate': {
        const index = indexOf(event.item_id)
        if (index === -1)
          return fail(
            invalid(`Item with item_id not found: ${String(event.item_id)}`, 'item_id', 'item_not_found'),
            eventId,
          )
        const stored = items[index]
        if (event.type === 'conversation.item.retrieve')
          return emit({ type: 'conversation.item.retrieved', item: stored.item })
        if (event.type === 'conversation.item.delete') {
          items.splice(index, 1)
          return emit({ type: 'conversation.item.deleted', item_id: stored.item.id })
        }
        const end = event.audio_end_ms
        if (stored.audioMs === undefined)
          return fail(invalid('Only assistant messages with audio can be truncated.', 'item_id'), eventId)
        if (!Number.isInteger(end) || end < 0 || end > stored.audioMs)
          return fail(
            invalid(
              `Audio content of ${stored.audioMs}ms is shorter than requested audio_end_ms of ${String(end)}ms.`,
              'audio_end_ms',
            ),
            eventId,
          )
        stored.audioMs = end
        for (const part of stored.item.content ?? []) if (part.type === 'output_audio') part.transcript = ''
        return emit({
          type: 'conversation.item.truncated',
          item_id: stored.item.id,
          content_index: event.content_index ?? 0,
          audio_end_ms: end,
        })
      }
      case 'response.create':
        if (event.response !== undefined && !isRecord<any>(event.response))
          return fail(
            invalid("Invalid type for 'response': expected an object.", 'response', 'invalid_type'),
            eventId,
          )
        return void playResponse(event.response ?? {}, eventId)
      case 'response.cancel':
        if (!active || (event.response_id !== undefined && event.response_id !== active.id))
          return fail(
            invalid('Cancellation failed: no active response found.', null, 'response_cancel_not_active'),
            eventId,
          )
        active.cancelled = true
        return
      case 'output_audio_buffer.clear':
        return fail(
          invalid('output_audio_buffer.clear is only supported on WebRTC and SIP connections.', 'type'),
          eventId,
        )
      default:
        if (event.type.startsWith('mock.')) return control(event, eventId)
        return fail(
          invalid(
            `Invalid value: '${event.type}'. Supported values are: ${CLIENT_EVENT_TYPES.map((t) => `'${t}'`).join(', ')}.`,
            'type',
          ),
          eventId,
        )
    }
  }

  ws.on('message', (data, isBinary) => {
    if (isBinary)
      return fail(invalid('Binary frames are not supported; send JSON text.', null, 'invalid_event'), null)
    let event: unknown
    try {
      event = JSON.parse(String(data))
    } catch {
      return fail(invalid('The event is not valid JSON.', null, 'invalid_json'), null)
    }
    if (!isRecord<any>(event))
      return fail(invalid('An event must be a JSON object.', null, 'invalid_event'), null)
    const eventId = typeof event.event_id === 'string' ? event.event_id : null
    if (typeof event.type !== 'string')
      return fail(invalid("The 'type' field is missing.", 'type', 'invalid_event'), eventId)
    handle(event, eventId)
  })

  emit({ type: 'session.created', session })
}

function wordsOf(text: string): string[] {
  return text.match(/\s*\S+\s*/g) ?? (text ? [text] : [])
}

/** Why a client-created item is refused, or `null`. */
function itemProblem(item: Record<string, any>): RealtimeWireError | null {
  switch (item.type) {
    case 'message': {
      if (!['system', 'user', 'assistant'].includes(item.role))
        return invalid(
          `Invalid value: '${String(item.role)}'. Supported values are: 'system', 'user' and 'assistant'.`,
          'item.role',
        )
      if (!Array.isArray(item.content))
        return invalid(
          "Missing required parameter: 'item.content'.",
          'item.content',
          'missing_required_parameter',
        )
      const allowed =
        item.role === 'user'
          ? ['input_text', 'input_audio', 'input_image']
          : item.role === 'system'
            ? ['input_text']
            : ['output_text']
      for (const [i, part] of item.content.entries())
        if (!isRecord<any>(part) || !allowed.includes(part.type))
          return invalid(
            `Invalid 'item.content[${i}].type' for a ${item.role} message: use ${allowed.map((t) => `'${t}'`).join(' or ')}.`,
            `item.content[${i}].type`,
          )
      return null
    }
    case 'function_call':
      return typeof item.name === 'string' && typeof item.arguments === 'string'
        ? null
        : invalid(
            'A function_call item needs `name` and `arguments` strings.',
            'item',
            'missing_required_parameter',
          )
    case 'function_call_output':
      return typeof item.call_id === 'string' && typeof item.output === 'string'
        ? null
        : invalid(
            'A function_call_output item needs `call_id` and `output` strings.',
            'item',
            'missing_required_parameter',
          )
    case undefined:
      return invalid("Missing required parameter: 'item.type'.", 'item.type', 'missing_required_parameter')
    default:
      return invalid(
        `Invalid value: '${String(item.type)}'. Supported values are: 'message', 'function_call' and 'function_call_output'.`,
        'item.type',
      )
  }
}
