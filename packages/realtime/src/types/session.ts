// Session types of the Realtime API under this package's names, aliasing the generated spec types (./generated.ts);
// parts the spec declares inline are reached by indexed access.
import type * as G from './generated'

export type RealtimeAudioFormat = G.RealtimeAudioFormats
export type RealtimeVoice = G.VoiceIdsOrCustomVoice
export type RealtimeTurnDetection = G.RealtimeTurnDetection
export type RealtimeServerVad = Extract<NonNullable<RealtimeTurnDetection>, { type: 'server_vad' }>
export type RealtimeSemanticVad = Extract<NonNullable<RealtimeTurnDetection>, { type: 'semantic_vad' }>
export type RealtimeAudioTranscription = G.AudioTranscription
export type RealtimeAudioInputConfig = NonNullable<
  NonNullable<G.RealtimeSessionCreateRequestGA['audio']>['input']
>
export type RealtimeAudioOutputConfig = NonNullable<
  NonNullable<G.RealtimeSessionCreateRequestGA['audio']>['output']
>
export type RealtimeFunctionTool = G.RealtimeFunctionTool
export type RealtimeMcpTool = G.MCPTool
export type RealtimeTool = NonNullable<G.RealtimeSessionCreateRequestGA['tools']>[number]
export type RealtimeToolChoice = NonNullable<G.RealtimeSessionCreateRequestGA['tool_choice']>
export type RealtimePromptReference = NonNullable<G.Prompt>

/** The settings of a speech-to-speech session (`type: 'realtime'`), as `session.update` sends them. */
export type RealtimeSessionConfig = G.RealtimeSessionCreateRequestGA
/** The settings of a transcription session (`type: 'transcription'`). */
export type RealtimeTranscriptionSessionConfig = G.RealtimeTranscriptionSessionCreateRequestGA
export type RealtimeSessionUpdate = RealtimeSessionConfig | RealtimeTranscriptionSessionConfig
/** A session as `session.created` / `session.updated` report it. */
export type RealtimeSession = G.RealtimeSessionCreateResponseGA
export type RealtimeTranscriptionSession = G.RealtimeTranscriptionSessionCreateResponseGA
