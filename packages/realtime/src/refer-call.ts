import type { APIPromise, Client, RequestOptions } from '@acme/openai-core'
import { _postCallAction } from './post-call-action'

/** Body of `POST /v1/realtime/calls/{call_id}/refer`. */
export interface CallReferParams {
  /** Where to transfer the caller: a `tel:` or `sip:` URI, e.g. `tel:+14155550123`. */
  target_uri: string
}

/**
 * Transfers an active SIP call to another destination (SIP REFER). Resolves to nothing.
 *
 * @example await referCall(client, 'rtc_123', { target_uri: 'tel:+14155550123' })
 */
export function referCall(
  client: Client,
  callId: string,
  params: CallReferParams,
  options?: RequestOptions,
): APIPromise<void> {
  return _postCallAction(client, callId, 'refer', params, options)
}
