import { type APIPromise, toAPIPromise } from './api-promise'
import type { Client } from './client'
import { request } from './request'
import type { RequestSpec } from './request-spec'

/**
 * How a list endpoint says where the next page starts:
 * - `cursor`: `has_more` + the last item's `id` becomes `after` (most lists)
 * - `conversation`: `has_more` + `last_id` becomes `after`
 * - `next-cursor`: `has_more` + `next` becomes `after`
 * - `single`: the whole list in one page
 */
export type PageKind = 'cursor' | 'conversation' | 'next-cursor' | 'single'

/** One page of a list. Async-iterating it walks every item of this page and the ones after it. */
export interface Page<Item> extends AsyncIterable<Item> {
  readonly data: Item[]
  readonly has_more: boolean
  /** The whole JSON body of this page (e.g. `first_id`, `last_id`). */
  readonly body: Record<string, any>
  readonly response: Response
  hasNextPage(): boolean
  /** The query that fetches the next page, or `null` at the end. */
  nextPageInfo(): { query: Record<string, unknown> } | null
  /** Fetches the next page; throws when there is none (check `hasNextPage()` first). */
  getNextPage(): Promise<Page<Item>>
  /** This page, then each following page. */
  iterPages(): AsyncGenerator<Page<Item>>
}

/** A page request: await it for the first page, or `for await` it for every item across pages. */
export interface PagePromise<Item> extends APIPromise<Page<Item>>, AsyncIterable<Item> {}

/** Requests one page of a list endpoint and wires up navigation to the next ones. */
export function requestPage<Item>(client: Client, spec: RequestSpec, kind: PageKind): PagePromise<Item> {
  const promise = toAPIPromise(
    Promise.all([
      request<Record<string, any> | null>(client, spec).withResponse(),
      // The page object's code loads on the first list call, while the request is in flight.
      import('./build-page'),
    ]).then(([result, { _buildPage }]) =>
      _buildPage<Item>(result, kind, spec.query, (query) =>
        requestPage<Item>(client, { ...spec, query }, kind),
      ),
    ),
  ) as PagePromise<Item>
  promise[Symbol.asyncIterator] = async function* () {
    yield* await promise
  }
  return promise
}
