import { type APIPromise, mapAPIPromise } from './api-promise'
import type { Client } from './client'
import { OpenAIError } from './errors'
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
  const promise = mapAPIPromise(request<Record<string, any>>(client, spec), (body, response) =>
    makePage<Item>(client, spec, kind, body ?? {}, response),
  ) as PagePromise<Item>
  promise[Symbol.asyncIterator] = async function* () {
    yield* await promise
  }
  return promise
}

function makePage<Item>(
  client: Client,
  spec: RequestSpec,
  kind: PageKind,
  body: Record<string, any>,
  response: Response,
): Page<Item> {
  const data: Item[] = Array.isArray(body.data) ? body.data : []
  const has_more = body.has_more === true
  const nextPageInfo = () => {
    if (kind === 'single' || !has_more) return null
    const after =
      kind === 'cursor' ? (data.at(-1) as any)?.id : kind === 'conversation' ? body.last_id : body.next
    if (!after || (kind !== 'next-cursor' && !data.length)) return null
    return { query: { ...spec.query, after } }
  }
  const page: Page<Item> = {
    data,
    has_more,
    body,
    response,
    nextPageInfo,
    hasNextPage: () => nextPageInfo() !== null,
    getNextPage() {
      const next = nextPageInfo()
      if (!next)
        return Promise.reject(
          new OpenAIError(
            'No next page expected; please check `.hasNextPage()` before calling `.getNextPage()`.',
          ),
        )
      return requestPage<Item>(client, { ...spec, query: next.query }, kind)
    },
    async *iterPages() {
      let current: Page<Item> = page
      yield current
      while (current.hasNextPage()) {
        current = await current.getNextPage()
        yield current
      }
    },
    async *[Symbol.asyncIterator]() {
      for await (const p of page.iterPages()) yield* p.data
    },
  }
  return page
}
