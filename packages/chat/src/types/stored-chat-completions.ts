import type { ChatCompletionMessage } from './chat-completion'
import type {
  ChatCompletionContentPartImage,
  ChatCompletionContentPartText,
  Metadata,
} from './chat-completion-params'

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
export interface ChatCompletionDeleted {
  id: string
  object: 'chat.completion.deleted'
  deleted: boolean
}

/** Query of `GET /chat/completions/{id}/messages`. */
export interface ChatCompletionMessageListParams {
  after?: string
  limit?: number
  order?: 'asc' | 'desc'
}

/** A request message of a stored completion. */
export interface ChatCompletionStoreMessage extends Omit<ChatCompletionMessage, 'role'> {
  id: string
  role: ChatCompletionMessage['role'] | 'developer' | 'system' | 'user' | 'tool'
  /** The message's parts when it was sent as parts (text and images). */
  content_parts?: Array<ChatCompletionContentPartText | ChatCompletionContentPartImage> | null
}
