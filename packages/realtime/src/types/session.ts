/** Audio encoding of input or output: PCM16 (24 kHz mono, little-endian) or G.711 at 8 kHz. */
export type RealtimeAudioFormat =
  | { type: 'audio/pcm'; rate?: 24000 }
  | { type: 'audio/pcmu' }
  | { type: 'audio/pcma' }

/** A built-in voice name, or a custom voice by id. */
export type RealtimeVoice =
  | 'alloy'
  | 'ash'
  | 'ballad'
  | 'coral'
  | 'echo'
  | 'sage'
  | 'shimmer'
  | 'verse'
  | 'marin'
  | 'cedar'
  | (string & {})
  | { id: string }

/** Server voice-activity detection: turns end after a silence. */
export interface RealtimeServerVad {
  type: 'server_vad'
  threshold?: number
  prefix_padding_ms?: number
  silence_duration_ms?: number
  /** 5000..30000, or `null` for no idle timeout. */
  idle_timeout_ms?: number | null
  create_response?: boolean
  interrupt_response?: boolean
}

/** Semantic voice-activity detection: turns end when the model thinks the user is done. */
export interface RealtimeSemanticVad {
  type: 'semantic_vad'
  eagerness?: 'low' | 'medium' | 'high' | 'auto'
  create_response?: boolean
  interrupt_response?: boolean
}

/** `null` means manual turns: send `input_audio_buffer.commit` and `response.create` yourself. */
export type RealtimeTurnDetection = RealtimeServerVad | RealtimeSemanticVad | null

/** How input audio is transcribed (`null` in a session turns transcription off). */
export interface RealtimeAudioTranscription {
  model?: string
  language?: string
  languages?: string[]
  keywords?: string[]
  prompt?: string
  delay?: 'minimal' | 'low' | 'medium' | 'high' | 'xhigh'
}

/** Input audio settings. */
export interface RealtimeAudioInputConfig {
  format?: RealtimeAudioFormat
  transcription?: RealtimeAudioTranscription | null
  noise_reduction?: { type?: 'near_field' | 'far_field' } | null
  turn_detection?: RealtimeTurnDetection
}

/** Output audio settings. `voice` can change only before the model has spoken. */
export interface RealtimeAudioOutputConfig {
  format?: RealtimeAudioFormat
  voice?: RealtimeVoice
  /** 0.25..1.5 */
  speed?: number
}

/** A function the model may call. */
export interface RealtimeFunctionTool {
  type: 'function'
  name: string
  description?: string
  /** JSON Schema of the arguments. */
  parameters?: Record<string, unknown>
}

/** A remote MCP server (or connector) whose tools the model may call. */
export interface RealtimeMcpTool {
  type: 'mcp'
  server_label: string
  server_url?: string
  connector_id?: string
  authorization?: string
  server_description?: string
  headers?: Record<string, string> | null
  allowed_tools?: string[] | { tool_names?: string[]; read_only?: boolean } | null
  require_approval?:
    | 'always'
    | 'never'
    | { always?: { tool_names?: string[] }; never?: { tool_names?: string[] } }
    | null
  [key: string]: unknown
}

/** A tool of a realtime session or response. */
export type RealtimeTool = RealtimeFunctionTool | RealtimeMcpTool

/** Which tool the model must (or may) use. */
export type RealtimeToolChoice =
  | 'none'
  | 'auto'
  | 'required'
  | { type: 'function'; name: string }
  | { type: 'mcp'; server_label: string; name?: string | null }

/** A stored prompt to use, with its variables. */
export interface RealtimePromptReference {
  id: string
  version?: string | null
  variables?: Record<string, unknown> | null
}

/** Configuration of a speech-to-speech (`realtime`) session: for `session.update` and client secrets. */
export interface RealtimeSessionConfig {
  /** Required by the API on every `session.update`. */
  type: 'realtime'
  model?: string
  instructions?: string
  /** Default `['audio']` (audio plus its transcript). */
  output_modalities?: Array<'text' | 'audio'>
  audio?: { input?: RealtimeAudioInputConfig; output?: RealtimeAudioOutputConfig }
  include?: Array<'item.input_audio_transcription.logprobs'> | null
  tracing?: 'auto' | { workflow_name?: string; group_id?: string; metadata?: Record<string, unknown> } | null
  tools?: RealtimeTool[]
  tool_choice?: RealtimeToolChoice
  parallel_tool_calls?: boolean
  reasoning?: { effort?: 'minimal' | 'low' | 'medium' | 'high' | 'xhigh' }
  /** 1..4096, or `'inf'`. */
  max_output_tokens?: number | 'inf'
  truncation?:
    | 'auto'
    | 'disabled'
    | { type: 'retention_ratio'; retention_ratio: number; token_limits?: { post_instructions?: number } }
  prompt?: RealtimePromptReference | null
}

/** Configuration of a transcription-only session. */
export interface RealtimeTranscriptionSessionConfig {
  type: 'transcription'
  audio?: { input?: RealtimeAudioInputConfig }
  include?: Array<'item.input_audio_transcription.logprobs'> | null
}

/** What `session.update` and `createClientSecret` accept. */
export type RealtimeSessionUpdate = RealtimeSessionConfig | RealtimeTranscriptionSessionConfig

/** The effective session the server reports (`session.created`, `session.updated`, client secrets). */
export interface RealtimeSession extends RealtimeSessionConfig {
  id: string
  object: 'realtime.session'
  /** Unix seconds. */
  expires_at?: number
}

/** The effective transcription session the server reports. */
export interface RealtimeTranscriptionSession extends RealtimeTranscriptionSessionConfig {
  id: string
  object: string
  expires_at?: number
}
