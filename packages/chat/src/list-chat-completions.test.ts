import { createClient, type PagePromise } from '@acme/openai-core'
import { type MockServer, startMockServer } from '@acme/openai-mock'
import { afterAll, beforeAll, expect, expectTypeOf, it } from 'vitest'
import { createChatCompletion } from './create-chat-completion'
import { listChatCompletions } from './list-chat-completions'
import type { ChatCompletion } from './types/chat-completion'

let mock: MockServer
let client: ReturnType<typeof createClient>
const ids: string[] = []
beforeAll(async () => {
  mock = await startMockServer()
  client = createClient({ apiKey: 'sk-test', baseURL: mock.baseURL, maxRetries: 0 })
  for (let i = 0; i < 5; i++) {
    const completion = await createChatCompletion(client, {
      model: i < 4 ? 'gpt-5.4' : 'gpt-5.4-mini',
      messages: [{ role: 'user', content: `c${i}` }],
      store: true,
      metadata: { team: i % 2 ? 'odd' : 'even' },
    })
    ids.push(completion.id)
  }
})
afterAll(() => mock.close())

it('walks every stored completion across pages with for await', async () => {
  mock.requests.length = 0
  const seen: string[] = []
  for await (const completion of listChatCompletions(client, { limit: 2 })) seen.push(completion.id)
  expect(seen).toEqual(ids)
  expect(mock.requests.map((r) => r.search)).toEqual([
    '?limit=2',
    `?limit=2&after=${ids[1]}`,
    `?limit=2&after=${ids[3]}`,
  ])
})

it('sends model and metadata filters as the API reads them', async () => {
  mock.requests.length = 0
  const page = await listChatCompletions(client, {
    model: 'gpt-5.4',
    metadata: { team: 'even' },
    order: 'desc',
  })
  expect(page.data.map((c) => c.id)).toEqual([ids[2], ids[0]])
  expect(page.has_more).toBe(false)
  expect(page.hasNextPage()).toBe(false)
  expect(mock.requests[0].search).toBe('?model=gpt-5.4&metadata%5Bteam%5D=even&order=desc')
  expect(mock.requests[0].query).toEqual({ model: 'gpt-5.4', 'metadata[team]': 'even', order: 'desc' })
})

it('pages by hand and merges options.query', async () => {
  const first = await listChatCompletions(client, { limit: 3 }, { query: { order: 'asc' } })
  expect(first.data).toHaveLength(3)
  expect(first.nextPageInfo()).toEqual({ query: { limit: 3, order: 'asc', after: ids[2] } })
  const second = await first.getNextPage()
  expect(second.data.map((c) => c.id)).toEqual(ids.slice(3))
  expectTypeOf(listChatCompletions).returns.toEqualTypeOf<PagePromise<ChatCompletion>>()
})
