// Shared by the conformance suites: capture the one request a call makes, and the parts both clients must agree on.
import type { MockServer, RecordedRequest } from '@acme/openai-mock'
import { expect } from 'vitest'

/** What must agree between the official client's request and ours. */
export function requestEssentials(request: RecordedRequest) {
  return {
    method: request.method,
    path: request.path,
    query: request.query,
    json: request.json,
    'content-type': request.headers['content-type'],
    authorization: request.headers.authorization,
  }
}

/** Runs `call` (its outcome does not matter) and returns the single request it sent to `mock`. */
export async function recordOne(mock: MockServer, call: () => Promise<unknown>): Promise<RecordedRequest> {
  const before = mock.requests.length
  await call().catch(() => {})
  expect(mock.requests.length).toBe(before + 1)
  return mock.requests[before]
}
