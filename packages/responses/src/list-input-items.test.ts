import { NotFoundError, type Page, type PagePromise } from '@acme/openai-core'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { client, mock, useMockClient } from '../../../tests/support/mock-client'
import { createResponse } from './create-response'
import type { ItemResource } from './generated/types'
import { listInputItems } from './list-input-items'

useMockClient()

const input = ['one', 'two', 'three', 'four', 'five'].map((text) => ({
  role: 'user' as const,
  content: text,
}))

describe('listInputItems', () => {
  it('lists one page with filters', async () => {
    const created = await createResponse(client, { model: 'gpt-5.4', input })
    const page = await listInputItems(client, created.id, { limit: 2, order: 'asc' })
    expect(page.data.map((item: any) => item.content[0].text)).toEqual(['one', 'two'])
    expect(page.has_more).toBe(true)
    expect(page.hasNextPage()).toBe(true)
    const sent = mock.requests[1]
    expect(sent.method).toBe('GET')
    expect(sent.path).toBe(`/v1/responses/${created.id}/input_items`)
    expect(sent.search).toBe('?limit=2&order=asc')
  })

  it('walks every item across pages with for await', async () => {
    const created = await createResponse(client, { model: 'gpt-5.4', input })
    const texts: string[] = []
    for await (const item of listInputItems(client, created.id, { limit: 2, order: 'asc' }))
      if (item.type === 'message') texts.push((item.content[0] as any).text)
    expect(texts).toEqual(['one', 'two', 'three', 'four', 'five'])
    expect(mock.requests.slice(1).map((r) => r.query.after ?? null)).toEqual([
      null,
      expect.stringMatching(/^msg_/),
      expect.stringMatching(/^msg_/),
    ])
  })

  it('lists newest first by default and merges options.query', async () => {
    const created = await createResponse(client, { model: 'gpt-5.4', input })
    const page = await listInputItems(client, created.id, {}, { query: { limit: 1 } })
    expect(page.data.map((item: any) => item.content[0].text)).toEqual(['five'])
    expect(mock.requests[1].search).toBe('?limit=1')
  })

  it('answers NotFoundError for an unknown id', async () => {
    expect(await listInputItems(client, 'resp_nope').catch((e) => e)).toBeInstanceOf(NotFoundError)
  })

  it('types pages of ItemResource', () => {
    expectTypeOf(listInputItems(client, 'r')).toEqualTypeOf<PagePromise<ItemResource>>()
    expectTypeOf<Awaited<ReturnType<typeof listInputItems>>>().toEqualTypeOf<Page<ItemResource>>()
    const refused = () =>
      // @ts-expect-error order is asc or desc
      listInputItems(client, 'r', { order: 'newest' })
    expectTypeOf(refused).toBeFunction()
  })
})
