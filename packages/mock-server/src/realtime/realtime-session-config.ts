import { isRecord } from '../is-record'
import { type MockState, nextId } from '../mock-state'

/** A realtime error as the server sends it inside an `error` event. */
export interface RealtimeWireError {
  type: string
  code: string | null
  message: string
  param: string | null
}

/** Session fields the GA API accepts, per session type. Beta-era names (`modalities`, `voice`...) are refused. */
const ALLOWED_FIELDS: Record<string, readonly string[]> = {
  realtime: [
    'type',
    'model',
    'instructions',
    'output_modalities',
    'audio',
    'include',
    'tracing',
    'tools',
    'tool_choice',
    'parallel_tool_calls',
    'reasoning',
    'max_output_tokens',
    'truncation',
    'prompt',
  ],
  transcription: ['type', 'audio', 'include'],
}

/** How long a session may live, as the real API reports it in `expires_at`. */
const SESSION_SECONDS = 30 * 60

const PCM = { type: 'audio/pcm', rate: 24000 }

/** The full default configuration a new session starts with (what `session.created` carries). */
export function defaultSession(
  state: MockState,
  type: 'realtime' | 'transcription',
  model: string,
): Record<string, any> {
  const id = nextId(state, 'sess')
  const expires_at = Math.floor(Date.now() / 1000) + SESSION_SECONDS
  if (type === 'transcription')
    return {
      type: 'transcription',
      object: 'realtime.transcription_session',
      id,
      expires_at,
      audio: {
        input: {
          format: { ...PCM },
          transcription: { model: 'gpt-4o-transcribe', language: null, prompt: '' },
          noise_reduction: null,
          turn_detection: {
            type: 'server_vad',
            threshold: 0.5,
            prefix_padding_ms: 300,
            silence_duration_ms: 200,
          },
        },
      },
      include: null,
    }
  return {
    type: 'realtime',
    object: 'realtime.session',
    id,
    model,
    output_modalities: ['audio'],
    instructions: 'You are a helpful assistant. Answer briefly.',
    tools: [],
    tool_choice: 'auto',
    max_output_tokens: 'inf',
    tracing: null,
    prompt: null,
    truncation: 'auto',
    expires_at,
    audio: {
      input: {
        format: { ...PCM },
        transcription: null,
        noise_reduction: null,
        turn_detection: {
          type: 'server_vad',
          threshold: 0.5,
          prefix_padding_ms: 300,
          silence_duration_ms: 200,
          idle_timeout_ms: null,
          create_response: true,
          interrupt_response: true,
        },
      },
      output: { format: { ...PCM }, voice: 'marin', speed: 1 },
    },
    include: null,
  }
}

function invalid(message: string, param: string | null, code: string): RealtimeWireError {
  return { type: 'invalid_request_error', code, message, param }
}

/**
 * Applies a `session.update` (or a client secret's `session`) to a session: only the fields present change, and
 * `audio.input` / `audio.output` merge field by field. A bad update is refused whole with the error to send.
 */
export function updateSession(
  current: Record<string, any>,
  update: unknown,
): { session: Record<string, any> } | { error: RealtimeWireError } {
  if (!isRecord<any>(update))
    return {
      error: invalid("Missing required parameter: 'session'.", 'session', 'missing_required_parameter'),
    }
  if (update.type === undefined)
    return {
      error: invalid(
        "Missing required parameter: 'session.type'.",
        'session.type',
        'missing_required_parameter',
      ),
    }
  if (update.type !== 'realtime' && update.type !== 'transcription')
    return {
      error: invalid(
        `Invalid value: '${String(update.type)}'. Supported values are: 'realtime' and 'transcription'.`,
        'session.type',
        'invalid_value',
      ),
    }
  if (update.type !== current.type)
    return {
      error: invalid(
        `Cannot change the session type from '${current.type}' to '${update.type}'.`,
        'session.type',
        'invalid_value',
      ),
    }
  const allowed = ALLOWED_FIELDS[update.type]
  for (const key of Object.keys(update))
    if (!allowed.includes(key))
      return { error: invalid(`Unknown parameter: 'session.${key}'.`, `session.${key}`, 'unknown_parameter') }
  if (update.model !== undefined && current.model !== undefined && update.model !== current.model)
    return {
      error: invalid("A session's model cannot be changed.", 'session.model', 'invalid_value'),
    }
  const modalities = update.output_modalities
  if (
    modalities !== undefined &&
    !(Array.isArray(modalities) && modalities.length === 1 && ['text', 'audio'].includes(modalities[0]))
  )
    return {
      error: invalid(
        "Invalid 'session.output_modalities': use ['text'] or ['audio'].",
        'session.output_modalities',
        'invalid_value',
      ),
    }
  if (update.audio !== undefined && !isRecord<any>(update.audio))
    return {
      error: invalid(
        "Invalid type for 'session.audio': expected an object.",
        'session.audio',
        'invalid_type',
      ),
    }
  const session = structuredClone(current)
  for (const [key, value] of Object.entries(update)) {
    if (key !== 'audio') session[key] = structuredClone(value)
    else
      for (const side of ['input', 'output'])
        if (isRecord<any>(value[side]))
          session.audio[side] = { ...session.audio[side], ...structuredClone(value[side]) }
  }
  return { session }
}
