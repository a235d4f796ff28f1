import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cursorPage } from '../cursor-list'
import { startMockServer } from '../start-mock-server'
import type { MockServer } from '../types'
import { fixtureItems } from './items'

type ItemList = {
  object: string
  data: Array<{ id: string; object: string; index: number }>
  first_id: string | null
  last_id: string | null
  has_more: boolean
}

describe('GET /v1/items and /v1/conversation-items', () => {
  let server: MockServer
  beforeAll(async () => {
    server = await startMockServer({ requireAuth: false })
  })
  afterAll(() => server.close())

  const list = async (path: string) => {
    const res = await fetch(server.baseURL + path)
    return { status: res.status, body: (await res.json()) as ItemList }
  }

  it('returns 10 items by default with cursor fields', async () => {
    const { status, body } = await list('/items')
    expect(status).toBe(200)
    expect(body.object).toBe('list')
    expect(body.data).toHaveLength(10)
    expect(body.data[0]).toEqual({ id: 'item_001', object: 'item', index: 0 })
    expect([body.first_id, body.last_id, body.has_more]).toEqual(['item_001', 'item_010', true])
  })

  it('walks all 25 items with after = the last id, stopping at has_more: false', async () => {
    const ids: string[] = []
    const pages: number[] = []
    let after = ''
    for (let page = 0; page < 10; page++) {
      const { body } = await list(`/items?limit=10${after ? `&after=${after}` : ''}`)
      ids.push(...body.data.map((item) => item.id))
      pages.push(body.data.length)
      if (!body.has_more) break
      after = body.data[body.data.length - 1].id
    }
    expect(pages).toEqual([10, 10, 5])
    expect(ids).toEqual(fixtureItems().map((item) => item.id))
    expect(ids[24]).toBe('item_025')
  })

  it('walks conversation items by last_id', async () => {
    const ids: string[] = []
    let after = ''
    for (let page = 0; page < 10; page++) {
      const { body } = await list(`/conversation-items?limit=7${after ? `&after=${after}` : ''}`)
      ids.push(...body.data.map((item) => item.id))
      if (!body.has_more) break
      after = body.last_id ?? ''
    }
    expect(ids).toHaveLength(25)
    expect(new Set(ids).size).toBe(25)
  })

  it('orders descending on request', async () => {
    const { body } = await list('/items?order=desc&limit=3&after=item_020')
    expect(body.data.map((item) => item.id)).toEqual(['item_019', 'item_018', 'item_017'])
    expect(body.has_more).toBe(true)
  })

  it('caps limit at 100 and rejects bad limits and orders', async () => {
    expect((await list('/items?limit=500')).body.data).toHaveLength(25)
    const bad = await list('/items?limit=0')
    expect(bad.status).toBe(400)
    expect(bad.body).toMatchObject({ error: { param: 'limit', type: 'invalid_request_error' } })
    expect((await list('/items?limit=abc')).status).toBe(400)
    expect((await list('/items?order=up')).status).toBe(400)
  })

  it('answers 404 for an unknown after cursor', async () => {
    const { status, body } = await list('/items?after=item_999')
    expect(status).toBe(404)
    expect(body).toEqual({
      error: {
        message: "No item found with id 'item_999' (the 'after' cursor).",
        type: 'invalid_request_error',
        param: 'after',
        code: null,
      },
    })
  })
})

describe('cursorPage', () => {
  const items = [{ id: 'a' }, { id: 'b' }, { id: 'c' }]

  it('pages forwards and backwards', () => {
    expect(cursorPage(items, { limit: 2, order: 'asc' })).toEqual({
      object: 'list',
      data: [{ id: 'a' }, { id: 'b' }],
      first_id: 'a',
      last_id: 'b',
      has_more: true,
    })
    expect(cursorPage(items, { limit: 2, order: 'desc', after: 'b' })?.data).toEqual([{ id: 'a' }])
  })

  it('gives null ids on an empty page and null for an unknown cursor', () => {
    expect(cursorPage(items, { limit: 2, order: 'asc', after: 'c' })).toEqual({
      object: 'list',
      data: [],
      first_id: null,
      last_id: null,
      has_more: false,
    })
    expect(cursorPage(items, { limit: 2, order: 'asc', after: 'z' })).toBeNull()
  })
})
