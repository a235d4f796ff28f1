import type { Attributes, Span } from '@opentelemetry/api'
import type { CallRecorder } from './gen-ai-result'
import { errorType, failSpan } from './span-error'

/**
 * Attributes of a plain client span (HTTP semantic conventions) for calls the GenAI conventions do not cover:
 * files, batches, realtime secrets, ... `code.function.name` is the operation (`uploadFile`).
 */
export function httpAttributes(
  operation: string | undefined,
  method: string,
  url: string,
  server: Attributes,
): Attributes {
  const attributes: Attributes = { 'http.request.method': method, ...server, 'url.full': url }
  if (operation) attributes['code.function.name'] = operation
  return attributes
}

/** Ends a plain span with the response status, at the result or (for streams) at the stream's end. */
export function httpRecorder(span: Span): CallRecorder {
  return {
    result(_data, response) {
      span.setAttribute('http.response.status_code', response.status)
      span.end()
    },
    event() {},
    end() {
      span.end()
    },
    error(error) {
      const status = (error as any)?.status
      if (typeof status === 'number') span.setAttribute('http.response.status_code', status)
      failSpan(span, error, errorType(error))
    },
  }
}
