// Query and body types of the stored-completions calls (the spec declares them inline on the operations), and
// aliases of the generated spec types for their results.
import type { Metadata } from './chat-completion-params'
import type * as G from './generated'

/** Query of `GET /chat/completions` (stored completions). */
export interface ChatCompletionListParams {
  /** The id of the last completion of the previous page. */
  after?: string
  /** 1 to 100 (default 20). */
  limit?: number
  /** Only completions whose metadata has all these pairs (`metadata[key]=value`). */
  metadata?: Metadata | null
  model?: string
  /** By creation time (default `asc`). */
  order?: 'asc' | 'desc'
}

/** Body of `POST /chat/completions/{id}`. */
export interface ChatCompletionUpdateParams {
  /** Replaces the stored metadata; `null` clears it. */
  metadata: Metadata | null
}

/** The answer of `DELETE /chat/completions/{id}`. */
export type ChatCompletionDeleted = G.ChatCompletionDeleted

/** Query of `GET /chat/completions/{id}/messages`. */
export interface ChatCompletionMessageListParams {
  after?: string
  limit?: number
  order?: 'asc' | 'desc'
}

/**
 * A message of a stored completion. The spec types it as an assistant message; the API also lists the request's
 * developer, system, user and tool messages, hence the wider `role`.
 */
export interface ChatCompletionStoreMessage
  extends Omit<G.ChatCompletionMessageList['data'][number], 'role'> {
  role: G.ChatCompletionResponseMessage['role'] | 'developer' | 'system' | 'user' | 'tool'
}
