import type { APIPromise, Client, RequestOptions } from '@acme/openai-core'
import { _postCallAction } from './post-call-action'
import type { RealtimeSessionConfig } from './types/session'

/** Body of `POST /v1/realtime/calls/{call_id}/accept`: the session that answers the call. */
export type CallAcceptParams = RealtimeSessionConfig

/**
 * Accepts an incoming SIP call (its id comes from the `realtime.call.incoming` webhook) and sets the session that
 * answers it. Resolves to nothing; `.withResponse()` gives the raw `Response`.
 *
 * @example
 * await acceptCall(client, event.data.call_id, {
 *   type: 'realtime',
 *   model: 'gpt-realtime',
 *   instructions: 'You are the front desk of Example Corp.',
 * })
 */
export function acceptCall(
  client: Client,
  callId: string,
  params: CallAcceptParams,
  options?: RequestOptions,
): APIPromise<void> {
  return _postCallAction(client, callId, 'accept', params, options)
}
