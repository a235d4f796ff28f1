import {
  type APIPromise,
  type Client,
  mapAPIPromise,
  path,
  type RequestOptions,
  request,
} from '@acme/openai-core'

/**
 * `POST /realtime/calls/{id}/{action}` for the call-control functions: the answer has no body worth reading, so
 * (as the official client does) it asks for any content type and resolves to nothing.
 * @internal
 */
export function _postCallAction(
  client: Client,
  callId: string,
  action: 'accept' | 'hangup' | 'refer' | 'reject',
  body: unknown,
  options: RequestOptions | undefined,
): APIPromise<void> {
  return mapAPIPromise(
    request(client, {
      ...options,
      method: 'post',
      operation: `${action}Call`,
      path: `${path`/realtime/calls/${callId}`}/${action}`,
      ...(body === undefined ? {} : { body }),
      operationHeaders: { accept: '*/*' },
    }),
    () => undefined,
  )
}
