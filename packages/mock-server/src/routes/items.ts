import { sendCursorList } from '../cursor-list'
import type { Route, RouteContext } from '../route'

/** A fixture item: `{ id: 'item_001', object: 'item', index: 0 }`. */
export interface FixtureItem {
  id: string
  object: 'item'
  index: number
}

/** The 25 fixture items, `item_001` (index 0) to `item_025` (index 24). */
export function fixtureItems(): FixtureItem[] {
  return Array.from({ length: 25 }, (_, index) => ({
    id: `item_${String(index + 1).padStart(3, '0')}`,
    object: 'item' as const,
    index,
  }))
}

/** `GET /v1/items?limit=&after=&order=`: cursor pagination (limit 10 by default). */
export function listItems({ res, request }: RouteContext): void {
  sendCursorList(res, fixtureItems(), request.query, { limit: 10, order: 'asc' })
}

/** `GET /v1/conversation-items?limit=&after=`: the same items, for clients that follow `last_id`. */
export function listConversationItems({ res, request }: RouteContext): void {
  sendCursorList(res, fixtureItems(), request.query, { limit: 10, order: 'asc' })
}

/** Routes of the pagination fixtures. */
export const itemsRoutes: readonly Route[] = [
  { method: 'GET', path: '/v1/items', handle: listItems },
  { method: 'GET', path: '/v1/conversation-items', handle: listConversationItems },
]
