import type { RealtimeConversationItem, RealtimeResponseCreateParams } from './items'
import type { RealtimeSessionUpdate } from './session'

interface RealtimeClientEventBase {
  /** Optional id of your choosing; an `error` event caused by this event echoes it in `error.event_id`. */
  event_id?: string
}

/** Changes the session; only the fields present change. Answered by `session.updated`. */
export interface RealtimeSessionUpdateEvent extends RealtimeClientEventBase {
  type: 'session.update'
  session: RealtimeSessionUpdate
}

/** Appends base64 PCM16 (or G.711) audio to the input buffer. Never acknowledged. */
export interface RealtimeInputAudioBufferAppendEvent extends RealtimeClientEventBase {
  type: 'input_audio_buffer.append'
  audio: string
}

/** Turns the input buffer into a user message (manual turns). */
export interface RealtimeInputAudioBufferCommitEvent extends RealtimeClientEventBase {
  type: 'input_audio_buffer.commit'
}

/** Empties the input buffer. */
export interface RealtimeInputAudioBufferClearEvent extends RealtimeClientEventBase {
  type: 'input_audio_buffer.clear'
}

/** Adds an item to the conversation, after `previous_item_id` (`'root'` puts it first) or at the end. */
export interface RealtimeConversationItemCreateEvent extends RealtimeClientEventBase {
  type: 'conversation.item.create'
  item: RealtimeConversationItem
  previous_item_id?: string
}

/** Asks for an item as the server holds it (with audio). */
export interface RealtimeConversationItemRetrieveEvent extends RealtimeClientEventBase {
  type: 'conversation.item.retrieve'
  item_id: string
}

/** Cuts an assistant audio item at what the user actually heard. */
export interface RealtimeConversationItemTruncateEvent extends RealtimeClientEventBase {
  type: 'conversation.item.truncate'
  item_id: string
  content_index: number
  audio_end_ms: number
}

/** Removes an item from the conversation. */
export interface RealtimeConversationItemDeleteEvent extends RealtimeClientEventBase {
  type: 'conversation.item.delete'
  item_id: string
}

/** Asks the model to respond; `response` overrides the session for this response only. */
export interface RealtimeResponseCreateEvent extends RealtimeClientEventBase {
  type: 'response.create'
  response?: RealtimeResponseCreateParams
}

/** Cancels the active response (or the one named). */
export interface RealtimeResponseCancelEvent extends RealtimeClientEventBase {
  type: 'response.cancel'
  response_id?: string
}

/** Stops audio playback on the server side (WebRTC and SIP only). */
export interface RealtimeOutputAudioBufferClearEvent extends RealtimeClientEventBase {
  type: 'output_audio_buffer.clear'
}

/** Every event a client may send (11 types). */
export type RealtimeClientEvent =
  | RealtimeSessionUpdateEvent
  | RealtimeInputAudioBufferAppendEvent
  | RealtimeInputAudioBufferCommitEvent
  | RealtimeInputAudioBufferClearEvent
  | RealtimeConversationItemCreateEvent
  | RealtimeConversationItemRetrieveEvent
  | RealtimeConversationItemTruncateEvent
  | RealtimeConversationItemDeleteEvent
  | RealtimeResponseCreateEvent
  | RealtimeResponseCancelEvent
  | RealtimeOutputAudioBufferClearEvent
