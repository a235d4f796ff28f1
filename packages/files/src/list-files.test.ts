import { createClient, OpenAIError, type Page } from '@acme/openai-core'
import { startMockServer } from '@acme/openai-mock'
import { afterAll, beforeAll, describe, expect, expectTypeOf, test } from 'vitest'
import { listFiles } from './list-files'
import type { FileObject } from './types'
import { uploadFile } from './upload-file'

let mock: Awaited<ReturnType<typeof startMockServer>>
let client: ReturnType<typeof createClient>
const ids: string[] = []
beforeAll(async () => {
  mock = await startMockServer()
  client = createClient({ apiKey: 'sk-test', baseURL: mock.baseURL })
  for (const [i, purpose] of ['assistants', 'batch', 'assistants', 'assistants', 'vision'].entries())
    ids.push((await uploadFile(client, { file: [`f${i}.jsonl`, '{}'], purpose })).id)
})
afterAll(() => mock.close())

describe('listFiles', () => {
  test('auto-iterates across pages, newest first, sending the query as given', async () => {
    const seen: string[] = []
    for await (const file of listFiles(client, { limit: 2 })) seen.push(file.id)
    expect(seen).toEqual([...ids].reverse())
    const lists = mock.requests.filter((r) => r.path === '/v1/files' && r.method === 'GET')
    expect(lists.map((r) => r.search)).toEqual([
      '?limit=2',
      `?limit=2&after=${ids[3]}`,
      `?limit=2&after=${ids[1]}`,
    ])
  })

  test('page by page: data, hasNextPage(), nextPageInfo(), getNextPage()', async () => {
    const first = await listFiles(client, { purpose: 'assistants', order: 'asc', limit: 2 })
    expect(first.data.map((f) => f.id)).toEqual([ids[0], ids[2]])
    expect(first.hasNextPage()).toBe(true)
    expect(first.nextPageInfo()).toEqual({
      query: { purpose: 'assistants', order: 'asc', limit: 2, after: ids[2] },
    })
    const second = await first.getNextPage()
    expect(second.data.map((f) => f.id)).toEqual([ids[3]])
    expect(second.hasNextPage()).toBe(false)
    expect(second.nextPageInfo()).toBeNull()
    await expect(second.getNextPage()).rejects.toBeInstanceOf(OpenAIError)
    expect(mock.requests.at(-1)!.query).toEqual({
      purpose: 'assistants',
      order: 'asc',
      limit: '2',
      after: ids[2],
    })
  })

  test('iterPages walks the pages; options.query is merged after the params', async () => {
    const sizes: number[] = []
    for await (const page of (await listFiles(client, { limit: 3 }, { query: { limit: 4 } })).iterPages())
      sizes.push(page.data.length)
    expect(sizes).toEqual([4, 1])
  })

  test('types', () => {
    expectTypeOf(listFiles(client)).resolves.toEqualTypeOf<Page<FileObject>>()
  })
})
