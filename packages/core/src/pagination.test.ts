import { describe, expect, it } from 'vitest'
import { createClient } from './client'
import { OpenAIError } from './errors'
import { type PageKind, requestPage } from './pagination'

/** A list endpoint over ids a..e answering `limit` items after `after`, shaped for each page kind. */
function listServer(kind: PageKind) {
  const ids = ['a', 'b', 'c', 'd', 'e']
  const urls: string[] = []
  const fetch = async (url: string) => {
    urls.push(url)
    const q = new URL(url).searchParams
    const limit = Number(q.get('limit') ?? 2)
    const start = q.get('after') ? ids.indexOf(q.get('after')!) + 1 : 0
    const data = ids.slice(start, start + limit).map((id) => ({ id }))
    const has_more = start + limit < ids.length
    const body =
      kind === 'conversation'
        ? { data, has_more, last_id: data.at(-1)?.id }
        : kind === 'next-cursor'
          ? { data, has_more, next: has_more ? data.at(-1)?.id : null }
          : kind === 'single'
            ? { object: 'list', data }
            : { data, has_more }
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })
  }
  const client = createClient({ apiKey: 'k', baseURL: 'http://127.0.0.1:9/v1', fetch: fetch as any })
  return { client, urls }
}

describe('requestPage', () => {
  it.each(['cursor', 'conversation', 'next-cursor'] as const)(
    '%s: iterates every item across pages',
    async (kind) => {
      const { client, urls } = listServer(kind)
      const items: string[] = []
      for await (const item of requestPage<{ id: string }>(
        client,
        { method: 'get', path: '/items', query: { limit: 2, order: 'asc' } },
        kind,
      ))
        items.push(item.id)
      expect(items).toEqual(['a', 'b', 'c', 'd', 'e'])
      expect(urls.map((u) => new URL(u).search)).toEqual([
        '?limit=2&order=asc',
        '?limit=2&order=asc&after=b',
        '?limit=2&order=asc&after=d',
      ])
    },
  )

  it('exposes data, hasNextPage, nextPageInfo, getNextPage and iterPages', async () => {
    const { client } = listServer('cursor')
    const page = await requestPage<{ id: string }>(
      client,
      { method: 'get', path: '/items', query: { limit: 3 } },
      'cursor',
    )
    expect(page.data.map((d) => d.id)).toEqual(['a', 'b', 'c'])
    expect(page.hasNextPage()).toBe(true)
    expect(page.nextPageInfo()).toEqual({ query: { limit: 3, after: 'c' } })
    const next = await page.getNextPage()
    expect(next.data.map((d) => d.id)).toEqual(['d', 'e'])
    expect(next.hasNextPage()).toBe(false)
    expect(next.nextPageInfo()).toBeNull()
    await expect(next.getNextPage()).rejects.toThrow(OpenAIError)
    await expect(next.getNextPage()).rejects.toThrow('No next page expected')
    const sizes: number[] = []
    for await (const p of page.iterPages()) sizes.push(p.data.length)
    expect(sizes).toEqual([3, 2])
  })

  it('single pages never paginate', async () => {
    const { client, urls } = listServer('single')
    const page = await requestPage(client, { method: 'get', path: '/models', query: { limit: 1 } }, 'single')
    expect(page.hasNextPage()).toBe(false)
    const all = []
    for await (const x of page) all.push(x)
    expect(all.length).toBe(1)
    expect(urls.length).toBe(1)
  })

  it('stops on empty data, missing has_more, or an empty cursor', async () => {
    const bodies = [
      { data: [], has_more: true },
      { data: [{ id: 'a' }] },
      { data: [{ id: '' }], has_more: true },
    ]
    for (const body of bodies) {
      const client = createClient({
        apiKey: 'k',
        baseURL: 'http://127.0.0.1:9/v1',
        fetch: (async () =>
          new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })) as any,
      })
      const page = await requestPage(client, { method: 'get', path: '/x' }, 'cursor')
      expect(page.hasNextPage()).toBe(false)
    }
  })
})
