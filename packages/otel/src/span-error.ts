// Loaded with the first failure (or with the stream and plain-span chunks that import it), so apps whose calls
// succeed do not ship it up front.
import { type Span, SpanStatusCode } from '@opentelemetry/api'
import type { GenAICall } from './gen-ai-result'

/** Computes `error.type`; the up-front code passes its `errorType` in, so no chunk of its own loads up front. */
export type ErrorTypeOf = (error: unknown) => string

/**
 * Marks the span failed with the error's message and type, and ends it. A GenAI call also records its duration
 * with the error type; a plain HTTP span carries the error's HTTP status instead.
 */
export function failSpan(span: Span, error: unknown, errorType: ErrorTypeOf, call?: GenAICall): void {
  const type = errorType(error)
  const status = (error as any)?.status
  if (call) call.duration({ 'error.type': type })
  else if (status) span.setAttribute('http.response.status_code', status)
  span.setStatus({ code: SpanStatusCode.ERROR, message: (error as any)?.message })
  span.setAttribute('error.type', type)
  span.end()
}
