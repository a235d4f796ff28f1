import type { APIPromise, Client, RequestOptions } from '@acme/openai-core'
import { _postCallAction } from './post-call-action'

/**
 * Ends a Realtime call, SIP or WebRTC (the id from `createCall` or the `realtime.call.incoming` webhook). Sends no
 * body and resolves to nothing.
 *
 * @example await hangupCall(client, 'rtc_123')
 */
export function hangupCall(client: Client, callId: string, options?: RequestOptions): APIPromise<void> {
  return _postCallAction(client, callId, 'hangup', undefined, options)
}
