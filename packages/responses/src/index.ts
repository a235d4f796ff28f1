export { cancelResponse } from './cancel-response'
export { compactResponse } from './compact-response'
export { countInputTokens } from './count-input-tokens'
export { createResponse } from './create-response'
export { deleteResponse } from './delete-response'
export type { EventStream } from './event-stream'
export type * from './generated/types'
export { imageDataURL } from './image-data-url'
export { type InputItemListParams, listInputItems } from './list-input-items'
export { outputText } from './output-text'
export { type ResponseRetrieveParams, retrieveResponse } from './retrieve-response'
export {
  type ResponseStream,
  type ResponseStreamListenerEvent,
  type ResponseStreamListeners,
  type ResponseStreamParams,
  type ResponseStreamResumeParams,
  streamResponse,
} from './stream-response'
export { type RelayedResponseStreamOptions, streamRelayedResponse } from './stream-response-relay'
export type * from './types'
