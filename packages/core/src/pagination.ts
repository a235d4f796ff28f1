import { type APIPromise, toAPIPromise } from './api-promise'
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
  const promise = toAPIPromise(
    request<Record<string, any> | null>(client, spec)
      .withResponse()
      .then(({ data: json, response }) => {
        const body = json ?? {}
        const data: Item[] = Array.isArray(body.data) ? body.data : []
        // Computed on each call from `data` and `body`, as they are then.
        const nextPageInfo = () => {
          const after =
            kind !== 'single' &&
            page.has_more &&
            (kind === 'cursor'
              ? (data.at(-1) as any)?.id
              : kind === 'conversation'
                ? body.last_id
                : body.next)
          return after && (kind === 'next-cursor' || data.length) ? { query: { ...spec.query, after } } : null
        }
        const page: Page<Item> = {
          data,
          has_more: body.has_more === true,
          body,
          response,
          nextPageInfo,
          hasNextPage: () => !!nextPageInfo(),
          getNextPage() {
            const next = nextPageInfo()
            return next
              ? requestPage<Item>(client, { ...spec, ...next }, kind)
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
      }),
  ) as PagePromise<Item>
  promise[Symbol.asyncIterator] = async function* () {
    yield* await promise
  }
  return promise
}
