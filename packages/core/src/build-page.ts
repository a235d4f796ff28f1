import type { APIResult } from './api-promise'
import { OpenAIError } from './errors'
import type { Page, PageKind, PagePromise } from './pagination'

// Loaded with the first page of a list (in parallel with its request), so apps that list nothing never ship it. It
// imports nothing that the main path imports but the error classes, which are in a chunk of their own anyway.

/**
 * One page of a list from the call's result (its JSON body), with navigation: `next` requests the page after it with
 * the given query.
 * @internal
 */
export function _buildPage<Item>(
  { data: json, response }: APIResult<Record<string, any> | null>,
  kind: PageKind,
  query: Record<string, unknown> | undefined,
  next: (query: Record<string, unknown>) => PagePromise<Item>,
): APIResult<Page<Item>> {
  const body = json ?? {}
  const data: Item[] = Array.isArray(body.data) ? body.data : []
  // Computed on each call from `data` and `body`, as they are then.
  const nextPageInfo = () => {
    const after =
      kind !== 'single' &&
      page.has_more &&
      (kind === 'cursor' ? (data.at(-1) as any)?.id : kind === 'conversation' ? body.last_id : body.next)
    return after && (kind === 'next-cursor' || data.length) ? { query: { ...query, after } } : null
  }
  const page: Page<Item> = {
    data,
    has_more: body.has_more === true,
    body,
    response,
    nextPageInfo,
    hasNextPage: () => !!nextPageInfo(),
    getNextPage() {
      const info = nextPageInfo()
      return info
        ? next(info.query)
        : Promise.reject(new OpenAIError('No next page expected; check `.hasNextPage()` first.'))
    },
    async *iterPages() {
      for (let p = page; ; p = await p.getNextPage()) {
        yield p
        if (!p.hasNextPage()) return
      }
    },
    async *[Symbol.asyncIterator]() {
      for await (const p of page.iterPages()) yield* p.data
    },
  }
  return { data: page, response }
}
