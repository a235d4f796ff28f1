import { isRecord } from '../is-record'
import { changeItem, createItem } from './conversation-items'
import { appendAudio, commitAudio } from './input-audio'
import { runMockCommand } from './mock-commands'
import { updateSession } from './realtime-session-config'
import { playResponse } from './response-player'
import { invalid, type SessionState } from './session-state'

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

/** Answers one client event (an object with a string `type`) as the API does, or with an `error` event. */
export function handleClientEvent(s: SessionState, event: Record<string, any>, eventId: string | null) {
  switch (event.type) {
    case 'session.update': {
      const result = updateSession(s.session, event.session)
      if ('error' in result) return s.fail(result.error, eventId)
      s.session = result.session
      return s.emit({ type: 'session.updated', session: s.session })
    }
    case 'input_audio_buffer.append':
      return appendAudio(s, event, eventId)
    case 'input_audio_buffer.commit':
      return commitAudio(s, eventId)
    case 'input_audio_buffer.clear':
      s.audioBytes = 0
      return s.emit({ type: 'input_audio_buffer.cleared' })
    case 'conversation.item.create':
      return createItem(s, event, eventId)
    case 'conversation.item.retrieve':
    case 'conversation.item.delete':
    case 'conversation.item.truncate':
      return changeItem(s, event, eventId)
    case 'response.create':
      if (event.response !== undefined && !isRecord<any>(event.response))
        return s.fail(
          invalid("Invalid type for 'response': expected an object.", 'response', 'invalid_type'),
          eventId,
        )
      return void playResponse(s, event.response ?? {}, eventId)
    case 'response.cancel':
      if (!s.active || (event.response_id !== undefined && event.response_id !== s.active.id))
        return s.fail(
          invalid('Cancellation failed: no active response found.', null, 'response_cancel_not_active'),
          eventId,
        )
      s.active.cancelled = true
      return
    case 'output_audio_buffer.clear':
      return s.fail(
        invalid('output_audio_buffer.clear is only supported on WebRTC and SIP connections.', 'type'),
        eventId,
      )
    default:
      if (event.type.startsWith('mock.')) return runMockCommand(s, event, eventId)
      return s.fail(
        invalid(
          `Invalid value: '${event.type}'. Supported values are: ${CLIENT_EVENT_TYPES.map((t) => `'${t}'`).join(', ')}.`,
          'type',
        ),
        eventId,
      )
  }
}
