import { type Span, SpanStatusCode } from '@opentelemetry/api'

/**
 * The error's class name (`RateLimitError`, `APIConnectionError`), the low-cardinality `error.type` the official
 * instrumentation records. Core's errors carry it as `name`, which survives minification; class names may not.
 */
export function errorType(error: unknown): string {
  return (error as any)?.name || 'Error'
}

/** Marks the span failed with the error's message and type, and ends it. */
export function failSpan(span: Span, error: unknown, type: string): void {
  span.setStatus({ code: SpanStatusCode.ERROR, message: (error as any)?.message })
  span.setAttribute('error.type', type)
  span.end()
}

/** `failSpan` for a plain HTTP span, which also carries the error's HTTP status. */
export function failHttpSpan(span: Span, error: unknown): void {
  const status = (error as any)?.status
  if (status) span.setAttribute('http.response.status_code', status)
  failSpan(span, error, errorType(error))
}
