import type {
  RealtimeAudioFormat,
  RealtimePromptReference,
  RealtimeTool,
  RealtimeToolChoice,
} from './session'

/** Status of a conversation item. */
export type RealtimeItemStatus = 'completed' | 'incomplete' | 'in_progress'

interface RealtimeItemBase {
  /** `item_…`; the server assigns one when you leave it out. */
  id?: string
  object?: 'realtime.item'
  status?: RealtimeItemStatus
}

/** A system message (instructions inside the conversation). */
export interface RealtimeSystemMessageItem extends RealtimeItemBase {
  type: 'message'
  role: 'system'
  content: Array<{ type: 'input_text'; text: string }>
}

/** A content part of a user message. `audio` is base64 PCM16; servers never send it back in events. */
export type RealtimeUserContent =
  | { type: 'input_text'; text: string }
  | { type: 'input_audio'; audio?: string; transcript?: string | null }
  | { type: 'input_image'; image_url: string; detail?: 'auto' | 'low' | 'high' }

/** A user message. */
export interface RealtimeUserMessageItem extends RealtimeItemBase {
  type: 'message'
  role: 'user'
  content: RealtimeUserContent[]
}

/** A content part of an assistant message (`text` in text mode, `output_audio` with a transcript in audio mode). */
export type RealtimeAssistantContent =
  | { type: 'output_text'; text: string }
  | { type: 'output_audio'; audio?: string; transcript?: string | null }

/** An assistant message (clients may only create text ones). */
export interface RealtimeAssistantMessageItem extends RealtimeItemBase {
  type: 'message'
  role: 'assistant'
  content: RealtimeAssistantContent[]
}

/** The model calling a function; answer with a `function_call_output` item carrying the same `call_id`. */
export interface RealtimeFunctionCallItem extends RealtimeItemBase {
  type: 'function_call'
  call_id?: string
  name: string
  /** JSON text of the arguments. */
  arguments: string
}

/** Your function's result. */
export interface RealtimeFunctionCallOutputItem extends RealtimeItemBase {
  type: 'function_call_output'
  call_id: string
  /** Usually JSON text. */
  output: string
}

/** The tools an MCP server listed. */
export interface RealtimeMcpListToolsItem {
  type: 'mcp_list_tools'
  id?: string
  server_label: string
  tools: Array<{ name: string; input_schema: unknown; description?: string | null; annotations?: unknown }>
}

/** A call of an MCP tool. */
export interface RealtimeMcpCallItem {
  type: 'mcp_call'
  id: string
  server_label: string
  name: string
  arguments: string
  approval_request_id?: string | null
  output?: string | null
  error?: { type: string; code?: number; message: string } | null
}

/** The model asks to run an MCP tool. */
export interface RealtimeMcpApprovalRequestItem {
  type: 'mcp_approval_request'
  id: string
  server_label: string
  name: string
  arguments: string
}

/** Your answer to an approval request. */
export interface RealtimeMcpApprovalResponseItem {
  type: 'mcp_approval_response'
  id: string
  approval_request_id: string
  approve: boolean
  reason?: string | null
}

/** One item of a realtime conversation. */
export type RealtimeConversationItem =
  | RealtimeSystemMessageItem
  | RealtimeUserMessageItem
  | RealtimeAssistantMessageItem
  | RealtimeFunctionCallItem
  | RealtimeFunctionCallOutputItem
  | RealtimeMcpListToolsItem
  | RealtimeMcpCallItem
  | RealtimeMcpApprovalRequestItem
  | RealtimeMcpApprovalResponseItem

/** Token usage of one response. */
export interface RealtimeResponseUsage {
  total_tokens?: number
  input_tokens?: number
  output_tokens?: number
  input_token_details?: {
    cached_tokens?: number
    text_tokens?: number
    image_tokens?: number
    audio_tokens?: number
    cached_tokens_details?: { text_tokens?: number; image_tokens?: number; audio_tokens?: number }
  }
  output_token_details?: { text_tokens?: number; audio_tokens?: number }
}

/** A model response, as `response.created` (empty output) and `response.done` (final) carry it. */
export interface RealtimeResponse {
  /** `resp_…` */
  id?: string
  object?: 'realtime.response'
  status?: 'completed' | 'cancelled' | 'failed' | 'incomplete' | 'in_progress'
  status_details?: {
    type?: 'completed' | 'cancelled' | 'failed' | 'incomplete'
    reason?: 'turn_detected' | 'client_cancelled' | 'max_output_tokens' | 'content_filter'
    error?: { type?: string; code?: string }
  } | null
  output?: RealtimeConversationItem[]
  metadata?: Record<string, string> | null
  audio?: { output?: { format?: RealtimeAudioFormat; voice?: string } }
  usage?: RealtimeResponseUsage | null
  conversation_id?: string
  output_modalities?: Array<'text' | 'audio'>
  max_output_tokens?: number | 'inf'
}

/** Per-response overrides for `response.create`. */
export interface RealtimeResponseCreateParams {
  output_modalities?: Array<'text' | 'audio'>
  instructions?: string
  audio?: { output?: { format?: RealtimeAudioFormat; voice?: string | { id: string } } }
  tools?: RealtimeTool[]
  tool_choice?: RealtimeToolChoice
  parallel_tool_calls?: boolean
  reasoning?: { effort?: 'minimal' | 'low' | 'medium' | 'high' | 'xhigh' }
  max_output_tokens?: number | 'inf'
  /** `'none'` makes an out-of-band response that is not written to the conversation. */
  conversation?: 'auto' | 'none' | (string & {})
  /** Up to 16 string pairs; tell out-of-band responses apart with it. */
  metadata?: Record<string, string> | null
  prompt?: RealtimePromptReference | null
  /** Custom context instead of the conversation: items, or `{ type: 'item_reference', id }`. */
  input?: Array<RealtimeConversationItem | { type: 'item_reference'; id: string }>
}
