import {
  type APIPromise,
  type Client,
  mapAPIPromise,
  path,
  type RequestOptions,
  request,
} from '@acme/openai-core'

/**
 * Ends a Realtime call, SIP or WebRTC (the id from `createCall` or the `realtime.call.incoming` webhook). Sends no
 * body and resolves to nothing.
 *
 * @example await hangupCall(client, 'rtc_123')
 */
export function hangupCall(client: Client, callId: string, options?: RequestOptions): APIPromise<void> {
  return mapAPIPromise(
    request(client, {
      ...options,
      method: 'post',
      path: path`/realtime/calls/${callId}/hangup`,
      // As the official client does: the body is not part of the result.
      operationHeaders: { accept: '*/*' },
    }),
    () => undefined,
  )
}
