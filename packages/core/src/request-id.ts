/**
 * Gives a result the hidden `_request_id` (the response's `x-request-id`) that every JSON result carries: not
 * enumerable, so it stays out of `JSON.stringify` and equality checks. For surface packages that build their own
 * result from a non-JSON answer.
 */
export function attachRequestId<T extends object>(target: T, response: Response): T {
  return Object.defineProperty(target, '_request_id', {
    value: response.headers.get('x-request-id'),
    // Not enumerable: defineProperty's default.
    writable: true,
    configurable: true,
  })
}
