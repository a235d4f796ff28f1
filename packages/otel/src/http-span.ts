import type { Attributes } from '@opentelemetry/api'

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
