// Server events of the Realtime API under this package's names, aliasing the types generated from the OpenAPI spec
// (./generated.ts, scripts/generate-operations.mjs): the spec is the one source of their shape.
import type * as G from './generated'

/** A token and its log probability. */
export type RealtimeLogProb = G.LogProbProperties
/** The part of a `response.content_part.added` / `.done` event. */
export type RealtimeContentPart = G.RealtimeServerEventResponseContentPartAdded['part']

/**
 * An error. Errors made by this client (a frame that is not JSON) have `error.type` `'invalid_frame'` and carry the
 * start of the offending `frame`.
 */
export interface RealtimeErrorEvent extends G.RealtimeServerEventError {
  frame?: string
}
export type RealtimeSessionCreatedEvent = G.RealtimeServerEventSessionCreated
export type RealtimeSessionUpdatedEvent = G.RealtimeServerEventSessionUpdated
export type RealtimeConversationCreatedEvent = G.RealtimeServerEventConversationCreated
export type RealtimeConversationItemAddedEvent = G.RealtimeServerEventConversationItemAdded
export type RealtimeConversationItemDoneEvent = G.RealtimeServerEventConversationItemDone
export type RealtimeConversationItemCreatedEvent = G.RealtimeServerEventConversationItemCreated
export type RealtimeConversationItemRetrievedEvent = G.RealtimeServerEventConversationItemRetrieved
export type RealtimeConversationItemTruncatedEvent = G.RealtimeServerEventConversationItemTruncated
export type RealtimeConversationItemDeletedEvent = G.RealtimeServerEventConversationItemDeleted
export type RealtimeInputAudioTranscriptionDeltaEvent =
  G.RealtimeServerEventConversationItemInputAudioTranscriptionDelta
export type RealtimeInputAudioTranscriptionCompletedEvent =
  G.RealtimeServerEventConversationItemInputAudioTranscriptionCompleted
export type RealtimeInputAudioTranscriptionFailedEvent =
  G.RealtimeServerEventConversationItemInputAudioTranscriptionFailed
export type RealtimeInputAudioTranscriptionSegmentEvent =
  G.RealtimeServerEventConversationItemInputAudioTranscriptionSegment
export type RealtimeInputAudioBufferSpeechStartedEvent = G.RealtimeServerEventInputAudioBufferSpeechStarted
export type RealtimeInputAudioBufferSpeechStoppedEvent = G.RealtimeServerEventInputAudioBufferSpeechStopped
export type RealtimeInputAudioBufferCommittedEvent = G.RealtimeServerEventInputAudioBufferCommitted
export type RealtimeInputAudioBufferClearedEvent = G.RealtimeServerEventInputAudioBufferCleared
export type RealtimeInputAudioBufferTimeoutTriggeredEvent =
  G.RealtimeServerEventInputAudioBufferTimeoutTriggered
/** The spec leaves `event_id` out of this one event; the server sends it on every event. */
export type RealtimeInputAudioBufferDtmfEventReceivedEvent =
  G.RealtimeServerEventInputAudioBufferDtmfEventReceived & {
    event_id: string
  }
export type RealtimeOutputAudioBufferStartedEvent = G.RealtimeServerEventOutputAudioBufferStarted
export type RealtimeOutputAudioBufferStoppedEvent = G.RealtimeServerEventOutputAudioBufferStopped
export type RealtimeOutputAudioBufferClearedEvent = G.RealtimeServerEventOutputAudioBufferCleared
export type RealtimeResponseCreatedEvent = G.RealtimeServerEventResponseCreated
export type RealtimeResponseDoneEvent = G.RealtimeServerEventResponseDone
export type RealtimeRateLimitsUpdatedEvent = G.RealtimeServerEventRateLimitsUpdated
export type RealtimeResponseOutputItemAddedEvent = G.RealtimeServerEventResponseOutputItemAdded
export type RealtimeResponseOutputItemDoneEvent = G.RealtimeServerEventResponseOutputItemDone
export type RealtimeResponseContentPartAddedEvent = G.RealtimeServerEventResponseContentPartAdded
export type RealtimeResponseContentPartDoneEvent = G.RealtimeServerEventResponseContentPartDone
export type RealtimeResponseOutputTextDeltaEvent = G.RealtimeServerEventResponseTextDelta
export type RealtimeResponseOutputTextDoneEvent = G.RealtimeServerEventResponseTextDone
export type RealtimeResponseOutputAudioDeltaEvent = G.RealtimeServerEventResponseAudioDelta
export type RealtimeResponseOutputAudioDoneEvent = G.RealtimeServerEventResponseAudioDone
export type RealtimeResponseOutputAudioTranscriptDeltaEvent =
  G.RealtimeServerEventResponseAudioTranscriptDelta
export type RealtimeResponseOutputAudioTranscriptDoneEvent = G.RealtimeServerEventResponseAudioTranscriptDone
export type RealtimeResponseFunctionCallArgumentsDeltaEvent =
  G.RealtimeServerEventResponseFunctionCallArgumentsDelta
export type RealtimeResponseFunctionCallArgumentsDoneEvent =
  G.RealtimeServerEventResponseFunctionCallArgumentsDone
export type RealtimeMcpListToolsInProgressEvent = G.RealtimeServerEventMCPListToolsInProgress
export type RealtimeMcpListToolsCompletedEvent = G.RealtimeServerEventMCPListToolsCompleted
export type RealtimeMcpListToolsFailedEvent = G.RealtimeServerEventMCPListToolsFailed
export type RealtimeResponseMcpCallArgumentsDeltaEvent = G.RealtimeServerEventResponseMCPCallArgumentsDelta
export type RealtimeResponseMcpCallArgumentsDoneEvent = G.RealtimeServerEventResponseMCPCallArgumentsDone
export type RealtimeResponseMcpCallInProgressEvent = G.RealtimeServerEventResponseMCPCallInProgress
export type RealtimeResponseMcpCallCompletedEvent = G.RealtimeServerEventResponseMCPCallCompleted
export type RealtimeResponseMcpCallFailedEvent = G.RealtimeServerEventResponseMCPCallFailed

/** Every event the server sends, discriminated by `type`. */
export type RealtimeServerEvent =
  | Exclude<
      G.RealtimeServerEvent,
      G.RealtimeServerEventError | G.RealtimeServerEventInputAudioBufferDtmfEventReceived
    >
  | RealtimeErrorEvent
  | RealtimeInputAudioBufferDtmfEventReceivedEvent

/** The server event of one `type`, e.g. `RealtimeServerEventOf<'response.done'>`. */
export type RealtimeServerEventOf<T extends RealtimeServerEvent['type']> = Extract<
  RealtimeServerEvent,
  { type: T }
>
