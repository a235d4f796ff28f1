export { createChatCompletion } from './create-chat-completion'
export { deleteChatCompletion } from './delete-chat-completion'
export type { BaseRunnerEvents, EventHelper } from './event-runner'
export { ContentFilterFinishReasonError, LengthFinishReasonError } from './finish-reason-errors'
export { listChatCompletionMessages } from './list-chat-completion-messages'
export { listChatCompletions } from './list-chat-completions'
export { retrieveChatCompletion } from './retrieve-chat-completion'
export {
  type ChatCompletionRunner,
  type ChatCompletionRunnerEvents,
  type RunnableFunction,
  type RunnableTool,
  type RunToolsOptions,
  type RunToolsParams,
  runTools,
} from './run-tools'
export {
  type ChatCompletionStream,
  type ChatCompletionStreamEvents,
  type ChatCompletionStreamParams,
  streamChatCompletion,
} from './stream-chat-completion'
export {
  type RelayedChatCompletionStreamOptions,
  streamRelayedChatCompletion,
} from './stream-chat-completion-relay'
export type { ParseInputs } from './structured-output'
export type * from './types/chat-completion'
export type * from './types/chat-completion-chunk'
export type * from './types/chat-completion-params'
export type * from './types/chat-completion-snapshot'
export type * from './types/chat-completion-stream-events'
export type * as ChatSchemas from './types/generated'
export type * from './types/parsed-chat-completion'
export type * from './types/stored-chat-completions'
export { updateChatCompletion } from './update-chat-completion'
