import { type Client, type PagePromise, path, type RequestOptions, requestPage } from '@acme/openai-core'
import type { IncludeEnum, ItemResource } from './generated/types'

/** Query of `GET /responses/{id}/input_items`. */
export interface InputItemListParams {
  /** An item id: list the items after it. */
  after?: string
  include?: IncludeEnum[]
  /** 1 to 100, default 20. */
  limit?: number
  /** Default `desc` (newest first). */
  order?: 'asc' | 'desc'
}

/**
 * Lists the input items of a stored response (`GET /responses/{id}/input_items`). Await it for one page, or
 * `for await` it for every item across pages.
 *
 * @example for await (const item of listInputItems(client, 'resp_123', { order: 'asc' })) console.log(item.type)
 */
export function listInputItems(
  client: Client,
  responseId: string,
  query: InputItemListParams = {},
  options?: RequestOptions,
): PagePromise<ItemResource> {
  return requestPage<ItemResource>(
    client,
    {
      ...options,
      method: 'get',
      operation: 'listInputItems',
      path: path`/responses/${responseId}/input_items`,
      query: { ...query, ...options?.query },
    },
    'cursor',
  )
}
