import {
  type APIPromise,
  type Client,
  mapAPIPromise,
  path,
  type RequestOptions,
  request,
} from '@acme/openai-core'

/**
 * Deletes a stored response (`DELETE /responses/{id}`). Resolves to nothing; an unknown id is a `NotFoundError`.
 *
 * @example await deleteResponse(client, 'resp_123')
 */
export function deleteResponse(
  client: Client,
  responseId: string,
  options?: RequestOptions,
): APIPromise<void> {
  return mapAPIPromise(
    request(client, {
      ...options,
      method: 'delete',
      operation: 'deleteResponse',
      path: path`/responses/${responseId}`,
      // As the official client does: the body is not part of the result.
      operationHeaders: { accept: '*/*' },
    }),
    () => undefined,
  )
}
