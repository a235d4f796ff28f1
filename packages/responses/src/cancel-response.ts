import {
  type APIPromise,
  type Client,
  mapAPIPromise,
  path,
  type RequestOptions,
  request,
} from '@acme/openai-core'
import { _withOutputText } from './output-text'
import type { ResponseWithOutputText } from './types'

/**
 * Cancels a response created with `background: true` (`POST /responses/{id}/cancel`) and resolves to it, now
 * `status: 'cancelled'`. Other responses cannot be cancelled: the API answers with a `BadRequestError`.
 *
 * @example const cancelled = await cancelResponse(client, 'resp_123')
 */
export function cancelResponse(
  client: Client,
  responseId: string,
  options?: RequestOptions,
): APIPromise<ResponseWithOutputText> {
  return mapAPIPromise(
    request<any>(client, {
      ...options,
      method: 'post',
      operation: 'cancelResponse',
      path: path`/responses/${responseId}/cancel`,
    }),
    _withOutputText,
  )
}
