// Conversation items and responses of the Realtime API under this package's names, aliasing the generated spec types
// (./generated.ts); parts the spec declares inline are reached by indexed access.
import type * as G from './generated'

export type RealtimeSystemMessageItem = G.RealtimeConversationItemMessageSystem
export type RealtimeUserMessageItem = G.RealtimeConversationItemMessageUser
export type RealtimeAssistantMessageItem = G.RealtimeConversationItemMessageAssistant
export type RealtimeFunctionCallItem = G.RealtimeConversationItemFunctionCall
export type RealtimeFunctionCallOutputItem = G.RealtimeConversationItemFunctionCallOutput
export type RealtimeMcpListToolsItem = G.RealtimeMCPListTools
export type RealtimeMcpCallItem = G.RealtimeMCPToolCall
export type RealtimeMcpApprovalRequestItem = G.RealtimeMCPApprovalRequest
export type RealtimeMcpApprovalResponseItem = G.RealtimeMCPApprovalResponse
export type RealtimeConversationItem = G.RealtimeConversationItem
export type RealtimeItemStatus = NonNullable<RealtimeUserMessageItem['status']>
export type RealtimeUserContent = RealtimeUserMessageItem['content'][number]
export type RealtimeAssistantContent = RealtimeAssistantMessageItem['content'][number]

export type RealtimeResponse = G.RealtimeResponse
export type RealtimeResponseUsage = NonNullable<RealtimeResponse['usage']>
export type RealtimeResponseCreateParams = G.RealtimeResponseCreateParams
