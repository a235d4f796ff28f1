import type { ServerResponse } from 'node:http'
import { sendError } from './reply'

/** Whether the headers carry `Authorization: Bearer <non-empty>`. */
export function hasBearerToken(headers: Record<string, string>): boolean {
  return /^Bearer[ \t]+\S/i.test(headers.authorization ?? '')
}

/** The 401 the real API gives for a bad key; the key itself is never echoed. */
export function sendInvalidApiKey(res: ServerResponse): void {
  sendError(
    res,
    401,
    'Incorrect API key provided. The mock server accepts any non-empty key: send the header "Authorization: Bearer <key>".',
    { type: 'invalid_request_error', code: 'invalid_api_key' },
  )
}
