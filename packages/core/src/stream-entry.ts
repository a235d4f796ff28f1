// The `@acme/openai-core/stream` entry: SSE and NDJSON decoding as values, for code that builds streams itself.
export {
  createLineDecoder,
  createSSEDecoder,
  type LineDecoder,
  parseSSE,
  type ServerSentEvent,
  type SSEDecoder,
  type SSEEventItem,
  type SSEStreamOptions,
  Stream,
} from './sse/index'
