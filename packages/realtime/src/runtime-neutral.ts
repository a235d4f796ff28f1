// Everything that is the same on every runtime; each entry adds its own connectRealtime.

export { acceptCall, type CallAcceptParams } from './accept-call'
export { type CollectedOutputAudio, collectOutputAudio } from './audio/collect-output-audio'
export { base64ToPcm16, pcm16ToBase64 } from './audio/pcm16-base64'
export { type CallCreateParams, type CallCreateResult, createCall } from './create-call'
export {
  type ClientSecretCreateParams,
  type ClientSecretCreateResponse,
  createClientSecret,
} from './create-client-secret'
export { RealtimeClosedError, RealtimeHandshakeError } from './errors'
// Generated from the OpenAPI spec (scripts/generate-operations.mjs): the legacy session calls and translation secrets.
export {
  type CreateRealtimeSessionParams,
  type CreateRealtimeTranscriptionSessionParams,
  type CreateRealtimeTranslationClientSecretParams,
  createRealtimeSession,
  createRealtimeTranscriptionSession,
  createRealtimeTranslationClientSecret,
  type RealtimeSessionCreateResponse,
  type RealtimeTranscriptionSessionCreateResponse,
  type RealtimeTranslationClientSecretCreateResponse,
} from './generated/operations'
export type * as RealtimeSessionSchemas from './generated/types'
export { hangupCall } from './hangup-call'
export type { ConnectRealtimeOptions } from './open-realtime'
export type {
  RealtimeAudioInput,
  RealtimeCloseInfo,
  RealtimeConnection,
  RealtimeEventOptions,
} from './realtime-connection'
export type { RealtimeSocket, RealtimeWebSocketConstructor } from './realtime-socket'
export type { RealtimeTarget, RealtimeURLRewrite } from './realtime-url'
export { type CallReferParams, referCall } from './refer-call'
export { type CallRejectParams, rejectCall } from './reject-call'
export type * from './types/client-events'
export type * as RealtimeSchemas from './types/generated'
export type * from './types/items'
export type * from './types/server-events'
export type * from './types/session'
