import type { ServerResponse } from 'node:http'
import { queryValue } from './query-value'
import { sendError, sendJson } from './reply'

/** A cursor-paginated list body, as the OpenAI API returns it. */
export interface CursorList<T> {
  object: 'list'
  data: T[]
  first_id: string | null
  last_id: string | null
  has_more: boolean
}

/** Defaults of one list endpoint. */
export interface CursorDefaults {
  limit: number
  order: 'asc' | 'desc'
}

const MAX_LIMIT = 100

/** One page of `items` (kept in ascending order) after the item `after`; `null` when `after` is unknown. */
export function cursorPage<T extends { id: string }>(
  items: readonly T[],
  page: { limit: number; order: 'asc' | 'desc'; after?: string },
): CursorList<T> | null {
  const ordered = page.order === 'asc' ? items : [...items].reverse()
  let start = 0
  if (page.after !== undefined) {
    const index = ordered.findIndex((item) => item.id === page.after)
    if (index === -1) return null
    start = index + 1
  }
  const data = ordered.slice(start, start + page.limit)
  return {
    object: 'list',
    data,
    first_id: data[0]?.id ?? null,
    last_id: data[data.length - 1]?.id ?? null,
    has_more: start + data.length < ordered.length,
  }
}

/**
 * Answers a list request from `?limit=&after=&order=`: 400 for a bad limit or order, 404 for an unknown
 * `after` cursor. A limit above 100 is lowered to 100, as the real API's maximum.
 */
export function sendCursorList<T extends { id: string }>(
  res: ServerResponse,
  items: readonly T[],
  query: Record<string, string | string[]>,
  defaults: CursorDefaults,
): void {
  const rawLimit = queryValue(query.limit)
  const limit = rawLimit === undefined || rawLimit === '' ? defaults.limit : Number(rawLimit)
  const order = queryValue(query.order) || defaults.order
  const after = queryValue(query.after) || undefined
  if (!Number.isInteger(limit) || limit < 1) {
    sendError(res, 400, `Invalid 'limit': expected an integer between 1 and ${MAX_LIMIT}.`, {
      param: 'limit',
    })
  } else if (order !== 'asc' && order !== 'desc') {
    sendError(res, 400, `Invalid 'order': expected 'asc' or 'desc'.`, { param: 'order' })
  } else {
    const page = cursorPage(items, { limit: Math.min(limit, MAX_LIMIT), order, after })
    if (page) sendJson(res, 200, page)
    else sendError(res, 404, `No item found with id '${after}' (the 'after' cursor).`, { param: 'after' })
  }
}
