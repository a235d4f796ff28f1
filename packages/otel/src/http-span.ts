// Plain client spans, for calls outside the GenAI conventions. Loaded on first use, like core's redaction chunk
// it imports, so a chat-only app does not ship them up front. It imports nothing from core's main entry, so the
// app's bundler keeps that entry in the chunk that loads up front instead of splitting it off.
import type { CallContext, StreamObserver } from '@acme/openai-core'
import { redactURL } from '@acme/openai-core/redact'
import type { Attributes, Span } from '@opentelemetry/api'
import { type ErrorTypeOf, failSpan } from './span-error'

/** The start attributes of a plain span: method, server, redacted URL and operation. */
export function httpAttributes(
  call: CallContext,
  server: Attributes,
  method: string,
  url: string,
): Attributes {
  return {
    'http.request.method': method,
    ...server,
    'url.full': redactURL(url),
    // The operation (`uploadFile`); absent for a bare `request()`.
    ...(call.operation && { 'code.function.name': call.operation }),
  }
}

/** Ends a plain span with its stream: normally, cancelled, or failed with the error. */
export function httpStreamObserver(span: Span, errorType: ErrorTypeOf): StreamObserver<unknown> {
  const end = () => span.end()
  return { onEnd: end, onCancel: end, onError: (e) => failSpan(span, e, errorType) }
}
