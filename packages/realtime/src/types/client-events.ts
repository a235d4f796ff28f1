// Client events of the Realtime API under this package's names, aliasing the generated spec types (./generated.ts).
import type * as G from './generated'

export type RealtimeSessionUpdateEvent = G.RealtimeClientEventSessionUpdate
export type RealtimeInputAudioBufferAppendEvent = G.RealtimeClientEventInputAudioBufferAppend
export type RealtimeInputAudioBufferCommitEvent = G.RealtimeClientEventInputAudioBufferCommit
export type RealtimeInputAudioBufferClearEvent = G.RealtimeClientEventInputAudioBufferClear
export type RealtimeConversationItemCreateEvent = G.RealtimeClientEventConversationItemCreate
export type RealtimeConversationItemRetrieveEvent = G.RealtimeClientEventConversationItemRetrieve
export type RealtimeConversationItemTruncateEvent = G.RealtimeClientEventConversationItemTruncate
export type RealtimeConversationItemDeleteEvent = G.RealtimeClientEventConversationItemDelete
export type RealtimeResponseCreateEvent = G.RealtimeClientEventResponseCreate
export type RealtimeResponseCancelEvent = G.RealtimeClientEventResponseCancel
export type RealtimeOutputAudioBufferClearEvent = G.RealtimeClientEventOutputAudioBufferClear

/** Every event a client may send. */
export type RealtimeClientEvent = G.RealtimeClientEvent
