import type { APIPromise, Client, RequestOptions } from '@acme/openai-core'
import { _postCallAction } from './post-call-action'

/** Body of `POST /v1/realtime/calls/{call_id}/reject`. */
export interface CallRejectParams {
  /** The SIP status code the caller gets, e.g. `486` (Busy Here); the API sends `603` (Decline) without it. */
  status_code?: number
}

/**
 * Declines an incoming SIP call with a SIP status code. Sends `{}` when `params` is omitted, as the official client
 * does (`null` sends no body). Resolves to nothing.
 *
 * @example await rejectCall(client, 'rtc_123', { status_code: 486 })
 */
export function rejectCall(
  client: Client,
  callId: string,
  params: CallRejectParams | null = {},
  options?: RequestOptions,
): APIPromise<void> {
  return _postCallAction(client, callId, 'reject', params, options)
}
