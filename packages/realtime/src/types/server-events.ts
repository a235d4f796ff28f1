import type { RealtimeConversationItem, RealtimeResponse } from './items'
import type { RealtimeSession, RealtimeTranscriptionSession } from './session'

interface RealtimeServerEventBase {
  /** `event_…`, unique per event. */
  event_id: string
}

/** Fields of events about one part of one output item. */
interface RealtimeContentEventBase extends RealtimeServerEventBase {
  response_id: string
  item_id: string
  output_index: number
  content_index: number
}

/** A token and its log probability. */
export interface RealtimeLogProb {
  token: string
  logprob: number
  bytes: number[]
}

/**
 * Something went wrong; the connection stays open and usable. `error.event_id` names the client event at fault.
 * Errors made by this client (a frame that is not JSON) have `error.type` `'invalid_frame'` and carry the `frame`.
 */
export interface RealtimeErrorEvent extends RealtimeServerEventBase {
  type: 'error'
  error: {
    type: string
    code?: string | null
    message: string
    param?: string | null
    event_id?: string | null
  }
  /** Only on errors made by this client: the start of the offending frame. */
  frame?: string
}

/** First event of every connection: the session's full default configuration. */
export interface RealtimeSessionCreatedEvent extends RealtimeServerEventBase {
  type: 'session.created'
  session: RealtimeSession | RealtimeTranscriptionSession
}

/** Answer to `session.update`: the full effective configuration. */
export interface RealtimeSessionUpdatedEvent extends RealtimeServerEventBase {
  type: 'session.updated'
  session: RealtimeSession | RealtimeTranscriptionSession
}

/** The conversation was created (GA clients do not need it). */
export interface RealtimeConversationCreatedEvent extends RealtimeServerEventBase {
  type: 'conversation.created'
  conversation: { id?: string; object?: string }
}

/** An item was added (client created, audio committed, or the model started an output item). */
export interface RealtimeConversationItemAddedEvent extends RealtimeServerEventBase {
  type: 'conversation.item.added'
  item: RealtimeConversationItem
  previous_item_id?: string | null
}

/** An item is final. */
export interface RealtimeConversationItemDoneEvent extends RealtimeServerEventBase {
  type: 'conversation.item.done'
  item: RealtimeConversationItem
  previous_item_id?: string | null
}

/** Beta-era name of `conversation.item.added`; kept in the union. */
export interface RealtimeConversationItemCreatedEvent extends RealtimeServerEventBase {
  type: 'conversation.item.created'
  item: RealtimeConversationItem
  previous_item_id?: string | null
}

/** Answer to `conversation.item.retrieve`. */
export interface RealtimeConversationItemRetrievedEvent extends RealtimeServerEventBase {
  type: 'conversation.item.retrieved'
  item: RealtimeConversationItem
}

/** Answer to `conversation.item.truncate`. */
export interface RealtimeConversationItemTruncatedEvent extends RealtimeServerEventBase {
  type: 'conversation.item.truncated'
  item_id: string
  content_index: number
  audio_end_ms: number
}

/** Answer to `conversation.item.delete`. */
export interface RealtimeConversationItemDeletedEvent extends RealtimeServerEventBase {
  type: 'conversation.item.deleted'
  item_id: string
}

/** A piece of the transcript of user audio. */
export interface RealtimeInputAudioTranscriptionDeltaEvent extends RealtimeServerEventBase {
  type: 'conversation.item.input_audio_transcription.delta'
  item_id: string
  content_index?: number
  delta?: string
  logprobs?: RealtimeLogProb[] | null
}

/** The transcript of user audio is complete (may arrive after the response started). */
export interface RealtimeInputAudioTranscriptionCompletedEvent extends RealtimeServerEventBase {
  type: 'conversation.item.input_audio_transcription.completed'
  item_id: string
  content_index: number
  transcript: string
  languages?: string[]
  logprobs?: RealtimeLogProb[] | null
  usage:
    | {
        type: 'tokens'
        input_tokens: number
        output_tokens: number
        total_tokens: number
        input_token_details?: { text_tokens?: number; audio_tokens?: number }
      }
    | { type: 'duration'; seconds: number }
}

/** Transcribing user audio failed. */
export interface RealtimeInputAudioTranscriptionFailedEvent extends RealtimeServerEventBase {
  type: 'conversation.item.input_audio_transcription.failed'
  item_id: string
  content_index: number
  error: { type?: string; code?: string; message?: string; param?: string }
}

/** A diarized transcript segment. */
export interface RealtimeInputAudioTranscriptionSegmentEvent extends RealtimeServerEventBase {
  type: 'conversation.item.input_audio_transcription.segment'
  item_id: string
  content_index: number
  id: string
  text: string
  speaker: string
  start: number
  end: number
}

/** Server VAD heard speech start. */
export interface RealtimeInputAudioBufferSpeechStartedEvent extends RealtimeServerEventBase {
  type: 'input_audio_buffer.speech_started'
  audio_start_ms: number
  item_id: string
}

/** Server VAD heard speech stop. */
export interface RealtimeInputAudioBufferSpeechStoppedEvent extends RealtimeServerEventBase {
  type: 'input_audio_buffer.speech_stopped'
  audio_end_ms: number
  item_id: string
}

/** The input buffer became a user item. */
export interface RealtimeInputAudioBufferCommittedEvent extends RealtimeServerEventBase {
  type: 'input_audio_buffer.committed'
  item_id: string
  previous_item_id?: string | null
}

/** Answer to `input_audio_buffer.clear`. */
export interface RealtimeInputAudioBufferClearedEvent extends RealtimeServerEventBase {
  type: 'input_audio_buffer.cleared'
}

/** Server VAD idle timeout fired. */
export interface RealtimeInputAudioBufferTimeoutTriggeredEvent extends RealtimeServerEventBase {
  type: 'input_audio_buffer.timeout_triggered'
  audio_start_ms: number
  audio_end_ms: number
  item_id: string
}

/** A DTMF key press on a SIP call (this event has no `event_id` in the spec). */
export interface RealtimeInputAudioBufferDtmfEventReceivedEvent {
  type: 'input_audio_buffer.dtmf_event_received'
  event: string
  received_at: number
  event_id?: string
}

/** Server-side playback started (WebRTC and SIP). */
export interface RealtimeOutputAudioBufferStartedEvent extends RealtimeServerEventBase {
  type: 'output_audio_buffer.started'
  response_id: string
}

/** Server-side playback stopped (WebRTC and SIP). */
export interface RealtimeOutputAudioBufferStoppedEvent extends RealtimeServerEventBase {
  type: 'output_audio_buffer.stopped'
  response_id: string
}

/** Server-side playback was cleared (WebRTC and SIP). */
export interface RealtimeOutputAudioBufferClearedEvent extends RealtimeServerEventBase {
  type: 'output_audio_buffer.cleared'
  response_id: string
}

/** A response started (`status: 'in_progress'`, empty output). */
export interface RealtimeResponseCreatedEvent extends RealtimeServerEventBase {
  type: 'response.created'
  response: RealtimeResponse
}

/** A response ended, whatever its final status; always sent. */
export interface RealtimeResponseDoneEvent extends RealtimeServerEventBase {
  type: 'response.done'
  response: RealtimeResponse
}

/** Rate limits, sent when a response starts. */
export interface RealtimeRateLimitsUpdatedEvent extends RealtimeServerEventBase {
  type: 'rate_limits.updated'
  rate_limits: Array<{
    name?: 'requests' | 'tokens'
    limit?: number
    remaining?: number
    reset_seconds?: number
  }>
}

/** The model started an output item. */
export interface RealtimeResponseOutputItemAddedEvent extends RealtimeServerEventBase {
  type: 'response.output_item.added'
  response_id: string
  output_index: number
  item: RealtimeConversationItem
}

/** An output item is final. */
export interface RealtimeResponseOutputItemDoneEvent extends RealtimeServerEventBase {
  type: 'response.output_item.done'
  response_id: string
  output_index: number
  item: RealtimeConversationItem
}

/** A content part of an output event: `text`, or `audio` with its transcript (also seen as `output_*`). */
export interface RealtimeContentPart {
  type?: 'text' | 'audio' | 'output_text' | 'output_audio'
  text?: string
  audio?: string
  transcript?: string
}

/** A content part started. */
export interface RealtimeResponseContentPartAddedEvent extends RealtimeContentEventBase {
  type: 'response.content_part.added'
  part: RealtimeContentPart
}

/** A content part is final. */
export interface RealtimeResponseContentPartDoneEvent extends RealtimeContentEventBase {
  type: 'response.content_part.done'
  part: RealtimeContentPart
}

/** A piece of output text. */
export interface RealtimeResponseOutputTextDeltaEvent extends RealtimeContentEventBase {
  type: 'response.output_text.delta'
  delta: string
}

/** The whole output text of a part. */
export interface RealtimeResponseOutputTextDoneEvent extends RealtimeContentEventBase {
  type: 'response.output_text.done'
  text: string
}

/** A chunk of output audio, base64 (PCM16 24 kHz mono unless configured otherwise). */
export interface RealtimeResponseOutputAudioDeltaEvent extends RealtimeContentEventBase {
  type: 'response.output_audio.delta'
  delta: string
}

/** The output audio of a part is complete. */
export interface RealtimeResponseOutputAudioDoneEvent extends RealtimeContentEventBase {
  type: 'response.output_audio.done'
}

/** A piece of the transcript of output audio. */
export interface RealtimeResponseOutputAudioTranscriptDeltaEvent extends RealtimeContentEventBase {
  type: 'response.output_audio_transcript.delta'
  delta: string
}

/** The whole transcript of output audio. */
export interface RealtimeResponseOutputAudioTranscriptDoneEvent extends RealtimeContentEventBase {
  type: 'response.output_audio_transcript.done'
  transcript: string
}

/** A piece of a function call's JSON arguments. */
export interface RealtimeResponseFunctionCallArgumentsDeltaEvent extends RealtimeServerEventBase {
  type: 'response.function_call_arguments.delta'
  response_id: string
  item_id: string
  output_index: number
  call_id: string
  delta: string
}

/** A function call is complete: run it, then send a `function_call_output` item and `response.create`. */
export interface RealtimeResponseFunctionCallArgumentsDoneEvent extends RealtimeServerEventBase {
  type: 'response.function_call_arguments.done'
  response_id: string
  item_id: string
  output_index: number
  call_id: string
  name: string
  arguments: string
}

/** Listing an MCP server's tools started. */
export interface RealtimeMcpListToolsInProgressEvent extends RealtimeServerEventBase {
  type: 'mcp_list_tools.in_progress'
  item_id: string
}

/** Listing an MCP server's tools finished. */
export interface RealtimeMcpListToolsCompletedEvent extends RealtimeServerEventBase {
  type: 'mcp_list_tools.completed'
  item_id: string
}

/** Listing an MCP server's tools failed. */
export interface RealtimeMcpListToolsFailedEvent extends RealtimeServerEventBase {
  type: 'mcp_list_tools.failed'
  item_id: string
}

/** A piece of an MCP call's arguments. */
export interface RealtimeResponseMcpCallArgumentsDeltaEvent extends RealtimeServerEventBase {
  type: 'response.mcp_call_arguments.delta'
  response_id: string
  item_id: string
  output_index: number
  delta: string
  obfuscation?: string | null
}

/** An MCP call's arguments are complete. */
export interface RealtimeResponseMcpCallArgumentsDoneEvent extends RealtimeServerEventBase {
  type: 'response.mcp_call_arguments.done'
  response_id: string
  item_id: string
  output_index: number
  arguments: string
}

/** An MCP call started. */
export interface RealtimeResponseMcpCallInProgressEvent extends RealtimeServerEventBase {
  type: 'response.mcp_call.in_progress'
  output_index: number
  item_id: string
}

/** An MCP call finished. */
export interface RealtimeResponseMcpCallCompletedEvent extends RealtimeServerEventBase {
  type: 'response.mcp_call.completed'
  output_index: number
  item_id: string
}

/** An MCP call failed. */
export interface RealtimeResponseMcpCallFailedEvent extends RealtimeServerEventBase {
  type: 'response.mcp_call.failed'
  output_index: number
  item_id: string
}

/** Every event the server sends (46 types), discriminated by `type`. */
export type RealtimeServerEvent =
  | RealtimeErrorEvent
  | RealtimeSessionCreatedEvent
  | RealtimeSessionUpdatedEvent
  | RealtimeConversationCreatedEvent
  | RealtimeConversationItemAddedEvent
  | RealtimeConversationItemDoneEvent
  | RealtimeConversationItemCreatedEvent
  | RealtimeConversationItemRetrievedEvent
  | RealtimeConversationItemTruncatedEvent
  | RealtimeConversationItemDeletedEvent
  | RealtimeInputAudioTranscriptionDeltaEvent
  | RealtimeInputAudioTranscriptionCompletedEvent
  | RealtimeInputAudioTranscriptionFailedEvent
  | RealtimeInputAudioTranscriptionSegmentEvent
  | RealtimeInputAudioBufferSpeechStartedEvent
  | RealtimeInputAudioBufferSpeechStoppedEvent
  | RealtimeInputAudioBufferCommittedEvent
  | RealtimeInputAudioBufferClearedEvent
  | RealtimeInputAudioBufferTimeoutTriggeredEvent
  | RealtimeInputAudioBufferDtmfEventReceivedEvent
  | RealtimeOutputAudioBufferStartedEvent
  | RealtimeOutputAudioBufferStoppedEvent
  | RealtimeOutputAudioBufferClearedEvent
  | RealtimeResponseCreatedEvent
  | RealtimeResponseDoneEvent
  | RealtimeRateLimitsUpdatedEvent
  | RealtimeResponseOutputItemAddedEvent
  | RealtimeResponseOutputItemDoneEvent
  | RealtimeResponseContentPartAddedEvent
  | RealtimeResponseContentPartDoneEvent
  | RealtimeResponseOutputTextDeltaEvent
  | RealtimeResponseOutputTextDoneEvent
  | RealtimeResponseOutputAudioDeltaEvent
  | RealtimeResponseOutputAudioDoneEvent
  | RealtimeResponseOutputAudioTranscriptDeltaEvent
  | RealtimeResponseOutputAudioTranscriptDoneEvent
  | RealtimeResponseFunctionCallArgumentsDeltaEvent
  | RealtimeResponseFunctionCallArgumentsDoneEvent
  | RealtimeMcpListToolsInProgressEvent
  | RealtimeMcpListToolsCompletedEvent
  | RealtimeMcpListToolsFailedEvent
  | RealtimeResponseMcpCallArgumentsDeltaEvent
  | RealtimeResponseMcpCallArgumentsDoneEvent
  | RealtimeResponseMcpCallInProgressEvent
  | RealtimeResponseMcpCallCompletedEvent
  | RealtimeResponseMcpCallFailedEvent

/** The server event of one `type`, e.g. `RealtimeServerEventOf<'response.done'>`. */
export type RealtimeServerEventOf<T extends RealtimeServerEvent['type']> = Extract<
  RealtimeServerEvent,
  { type: T }
>
