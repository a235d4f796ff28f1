// The README's three pagination snippets, run as written against the mock server with five jobs and pages of two.
import { createClient, request } from '@acme/openai-core'
import { type MockServer, startMockServer } from '@acme/openai-mock'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFineTuningJob, listFineTuningJobs } from './index'

let mock: MockServer
let client: ReturnType<typeof createClient>
const created: string[] = []

beforeAll(async () => {
  mock = await startMockServer()
  client = createClient({ apiKey: 'sk-test', baseURL: mock.baseURL, maxRetries: 0 })
  const form = new FormData()
  form.append('purpose', 'fine-tune')
  form.append('file', new Blob(['{"messages":[{"role":"user","content":"hi"}]}\n']), 'train.jsonl')
  const file = await request<{ id: string }>(client, { method: 'post', path: '/files', body: form })
  for (let i = 0; i < 5; i++)
    created.push((await createFineTuningJob(client, { model: 'gpt-4o-mini', training_file: file.id })).id)
})
afterAll(() => mock.close())

describe('README pagination snippets', () => {
  it('for await walks every job across pages', async () => {
    const before = mock.requests.length
    const allJobs = []
    for await (const job of listFineTuningJobs(client, { limit: 2 })) {
      allJobs.push(job)
    }
    expect(allJobs.map((j) => j.id).sort()).toEqual([...created].sort())
    const pages = mock.requests.slice(before)
    expect(pages.map((r) => r.query.limit)).toEqual(['2', '2', '2'])
    expect(pages[1].query.after).toBe(allJobs[1].id)
  })

  it('hasNextPage() and getNextPage() fetch the next page', async () => {
    const firstPage = await listFineTuningJobs(client, { limit: 2 })
    expect(firstPage.hasNextPage()).toBe(true)
    const nextPage = await firstPage.getNextPage()
    expect(nextPage.data).toHaveLength(2)
    expect(nextPage.data[0].id).not.toBe(firstPage.data[0].id)
  })

  it('the page has its data and the cursor of the next page', async () => {
    const page = await listFineTuningJobs(client, { limit: 2 })
    expect(page.nextPageInfo()?.query.after).toBe(page.data[1].id)
    expect(page.data.map((job) => job.object)).toEqual(['fine_tuning.job', 'fine_tuning.job'])
    const last = await listFineTuningJobs(client, { limit: 10 })
    expect(last.nextPageInfo()).toBeNull()
  })
})
