import { countTokens } from '../generate/reply-text'
import { nextId } from '../mock-state'
import { SAMPLE_RATE } from './realtime-turns'
import { invalid, type SessionState } from './session-state'

/** At least this much audio must be in the buffer to commit it (100 ms of PCM16 at 24 kHz). */
const MIN_COMMIT_BYTES = (SAMPLE_RATE / 10) * 2

/** `input_audio_buffer.append`: base64 audio is counted into the buffer, anything else refused. */
export function appendAudio(s: SessionState, event: Record<string, any>, eventId: string | null) {
  if (typeof event.audio !== 'string')
    return s.fail(
      invalid("Missing required parameter: 'audio'.", 'audio', 'missing_required_parameter'),
      eventId,
    )
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(event.audio) || event.audio.length % 4 !== 0)
    return s.fail(invalid("Invalid 'audio': expected base64-encoded audio bytes.", 'audio'), eventId)
  s.audioBytes += Buffer.byteLength(event.audio, 'base64')
}

/** `input_audio_buffer.commit`: the buffer becomes a user item, transcribed when the session asks for it. */
export function commitAudio(s: SessionState, eventId: string | null) {
  if (s.audioBytes < MIN_COMMIT_BYTES)
    return s.fail(
      invalid(
        `Error committing input audio buffer: buffer too small. Expected at least 100ms of audio, but buffer only has ${((s.audioBytes / 2 / SAMPLE_RATE) * 1000).toFixed(2)}ms of audio.`,
        null,
        'input_audio_buffer_commit_empty',
      ),
      eventId,
    )
  const ms = Math.round((s.audioBytes / 2 / SAMPLE_RATE) * 1000)
  s.audioBytes = 0
  const transcribe = s.session.audio?.input?.transcription
  const transcript = `(${ms} ms of audio)`
  const item = {
    id: nextId(s.mock, 'item'),
    object: 'realtime.item',
    type: 'message',
    status: 'completed',
    role: 'user',
    content: [{ type: 'input_audio', transcript: null as string | null }],
  }
  const previousId = s.lastItemId()
  s.items.push({ item })
  s.emit({ type: 'input_audio_buffer.committed', previous_item_id: previousId, item_id: item.id })
  s.emit({ type: 'conversation.item.added', previous_item_id: previousId, item })
  s.emit({ type: 'conversation.item.done', previous_item_id: previousId, item })
  if (!transcribe) return
  item.content[0].transcript = transcript
  for (const delta of transcript.match(/\S+\s*/g) ?? [])
    s.emit({
      type: 'conversation.item.input_audio_transcription.delta',
      item_id: item.id,
      content_index: 0,
      delta,
    })
  const tokens = countTokens(transcript)
  s.emit({
    type: 'conversation.item.input_audio_transcription.completed',
    item_id: item.id,
    content_index: 0,
    transcript,
    usage: { type: 'tokens', input_tokens: tokens, output_tokens: tokens, total_tokens: 2 * tokens },
  })
}
