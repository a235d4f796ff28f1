import type { ReplyPlan } from '../generate/reply-plan'
import { countTokens } from '../generate/reply-text'
import { nextId } from '../mock-state'
import { argumentPieces, audioPieces, contextTokens, SAMPLE_RATE } from './realtime-turns'
import type { ActiveResponse, SessionState } from './session-state'

/** One response being played: its events in order, and what a cancel or the end needs to report. */
export interface ResponseRun {
  /** The `response` object of `response.created` and `response.done`, before its final fields. */
  readonly response: Record<string, any>
  /** The output item, updated as its events go out. */
  readonly item: Record<string, any>
  readonly inConversation: boolean
  readonly previousId: string | null
  /** The events up to `response.done` (excluded), each made just before it is sent. */
  readonly events: Iterable<Record<string, any>>
  /** Whether `response.output_item.added` went out (a cancel then ends the item). */
  started(): boolean
  /** Whether the reply was cut by `max_output_tokens`. */
  incomplete(): boolean
  /** The item's content as it stands: the text or transcript so far. */
  finalContent(): Record<string, any>[]
  usage(): Record<string, any>
}

const RATE_LIMITS = [
  { name: 'requests', limit: 1000, remaining: 999, reset_seconds: 60 },
  { name: 'tokens', limit: 50000, remaining: 49000, reset_seconds: 60 },
]

/** Plans the events of `run`, which answers `context` as `plan` says, with `params` over the session's settings. */
export function responseRun(
  s: SessionState,
  run: ActiveResponse,
  params: Record<string, any>,
  context: readonly unknown[],
  plan: ReplyPlan,
  inConversation: boolean,
): ResponseRun {
  const modalities: string[] = params.output_modalities ?? s.session.output_modalities ?? ['audio']
  const speak = plan.kind === 'message' && modalities.includes('audio')
  const output = s.session.audio?.output ?? {}
  const response: Record<string, any> = {
    object: 'realtime.response',
    id: run.id,
    status: 'in_progress',
    status_details: null,
    output: [],
    conversation_id: inConversation ? s.conversationId : null,
    output_modalities: [speak ? 'audio' : 'text'],
    max_output_tokens: params.max_output_tokens ?? s.session.max_output_tokens ?? 'inf',
    audio: {
      output: {
        format: params.audio?.output?.format ?? output.format ?? { type: 'audio/pcm', rate: 24000 },
        voice: params.audio?.output?.voice ?? output.voice ?? 'marin',
      },
    },
    usage: null,
    metadata: params.metadata ?? null,
  }
  const previousId = s.lastItemId()
  const itemId = nextId(s.mock, 'item')
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
          call_id: nextId(s.mock, 'call'),
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
  const incomplete = () => plan.kind === 'message' && plan.truncated
  const finalContent = () =>
    speak ? [{ type: 'output_audio', transcript: text }] : [{ type: 'output_text', text }]

  // State changes follow each `yield`, so they happen once that event went out, as the client sees them.
  function* events(): Generator<Record<string, any>> {
    yield { type: 'response.created', response: { ...response } }
    yield { type: 'rate_limits.updated', rate_limits: RATE_LIMITS }
    yield { type: 'response.output_item.added', response_id: run.id, output_index: 0, item: { ...item } }
    started = true
    if (inConversation) {
      s.items.push({ item })
      yield { type: 'conversation.item.added', previous_item_id: previousId, item: { ...item } }
    }
    if (plan.kind === 'function_call') {
      for (const delta of argumentPieces(plan.arguments)) {
        yield { type: 'response.function_call_arguments.delta', ...itemBase, call_id: item.call_id, delta }
        item.arguments += delta
      }
      item.arguments = plan.arguments
      yield {
        type: 'response.function_call_arguments.done',
        ...itemBase,
        call_id: item.call_id,
        name: plan.name,
        arguments: plan.arguments,
      }
    } else if (speak) {
      yield { type: 'response.content_part.added', ...base, part: { type: 'audio', transcript: '' } }
      for (const piece of audioPieces(plan.text)) {
        yield { type: 'response.output_audio.delta', ...base, delta: piece.audio }
        samples += piece.samples
        yield { type: 'response.output_audio_transcript.delta', ...base, delta: piece.transcript }
        text += piece.transcript
      }
      yield { type: 'response.output_audio.done', ...base }
      yield { type: 'response.output_audio_transcript.done', ...base, transcript: text }
      yield { type: 'response.content_part.done', ...base, part: { type: 'audio', transcript: text } }
      item.content = finalContent()
    } else {
      yield { type: 'response.content_part.added', ...base, part: { type: 'text', text: '' } }
      for (const delta of wordsOf(plan.text)) {
        yield { type: 'response.output_text.delta', ...base, delta }
        text += delta
      }
      yield { type: 'response.output_text.done', ...base, text }
      yield { type: 'response.content_part.done', ...base, part: { type: 'text', text } }
      item.content = finalContent()
    }
    item.status = incomplete() ? 'incomplete' : 'completed'
    const stored = s.items.find((entry) => entry.item === item)
    if (stored && speak) stored.audioMs = Math.round((samples / SAMPLE_RATE) * 1000)
    yield { type: 'response.output_item.done', response_id: run.id, output_index: 0, item: { ...item } }
    if (inConversation)
      yield { type: 'conversation.item.done', previous_item_id: previousId, item: { ...item } }
  }

  return {
    response,
    item,
    inConversation,
    previousId,
    events: events(),
    started: () => started,
    incomplete,
    finalContent,
    usage() {
      const input = contextTokens(context)
      const out = countTokens(plan.kind === 'function_call' ? item.arguments : text)
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
    },
  }
}

function wordsOf(text: string): string[] {
  return text.match(/\s*\S+\s*/g) ?? (text ? [text] : [])
}
