// Types of the stored-completions calls under openai-node's names, aliasing the types generated from the OpenAPI
// spec (./generated.ts): the calls' inline query and body params, and their results.
import type * as G from './generated'

/** Query of `GET /chat/completions` (stored completions). */
export type ChatCompletionListParams = G.ListChatCompletionsQuery

/** Body of `POST /chat/completions/{id}`: `metadata` replaces the stored metadata, `null` clears it. */
export type ChatCompletionUpdateParams = G.UpdateChatCompletionBody

/** The answer of `DELETE /chat/completions/{id}`. */
export type ChatCompletionDeleted = G.ChatCompletionDeleted

/** Query of `GET /chat/completions/{id}/messages`. */
export type ChatCompletionMessageListParams = G.GetChatCompletionMessagesQuery

/**
 * A message of a stored completion. The spec types it as an assistant message; the API also lists the request's
 * developer, system, user and tool messages, hence the wider `role`.
 */
export interface ChatCompletionStoreMessage
  extends Omit<G.ChatCompletionMessageList['data'][number], 'role'> {
  role: G.ChatCompletionResponseMessage['role'] | 'developer' | 'system' | 'user' | 'tool'
}
