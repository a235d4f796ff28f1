// @acme/openai-batches (generated operations) on every runtime: create from an uploaded file, retrieve, list,
// cancel; the helpers waitForBatch and readBatchResults. The input file is uploaded with core's `request` so the suite needs no other surface package.

import {
  cancelBatch,
  createBatch,
  listBatches,
  readBatchResults,
  retrieveBatch,
  waitForBatch,
} from '@acme/openai-batches'
import { createClient, request } from '@acme/openai-core'
import { checklist, equal } from './checklist.js'

const line =
  '{"custom_id":"a","method":"POST","url":"/v1/responses","body":{"model":"gpt-4o-mini","input":"hi"}}\n'

/** Runs the Batches checks against the mock server at `baseURL`; throws on the first failure. */
export async function smoke({ baseURL, apiKey }) {
  const list = checklist()
  const client = createClient({ apiKey, baseURL, maxRetries: 0, dangerouslyAllowBrowser: true })
  let batch

  await list.check('createBatch starts a batch from an uploaded file', async () => {
    const form = new FormData()
    form.append('purpose', 'batch')
    form.append('file', new Blob([line]), 'requests.jsonl')
    const file = await request(client, { method: 'post', path: '/files', body: form })
    batch = await createBatch(client, {
      input_file_id: file.id,
      endpoint: '/v1/responses',
      completion_window: '24h',
    })
    equal([batch.object, batch.input_file_id], ['batch', file.id], 'batch')
  })

  await list.check('retrieveBatch and listBatches see it', async () => {
    equal((await retrieveBatch(client, batch.id)).id, batch.id, 'retrieved')
    const ids = []
    for await (const b of listBatches(client, { limit: 1 })) ids.push(b.id)
    equal(ids.includes(batch.id), true, 'listed')
  })

  await list.check('cancelBatch cancels it', async () => {
    equal(['cancelling', 'cancelled'].includes((await cancelBatch(client, batch.id)).status), true, 'status')
  })

  await list.check(
    'waitForBatch waits for completion; readBatchResults streams the output lines',
    async () => {
      const form = new FormData()
      form.append('purpose', 'batch')
      form.append('file', new Blob([line]), 'requests.jsonl')
      const file = await request(client, { method: 'post', path: '/files', body: form })
      const created = await createBatch(client, {
        input_file_id: file.id,
        endpoint: '/v1/responses',
        completion_window: '24h',
      })
      const done = await waitForBatch(client, created.id)
      const ids = []
      for await (const result of readBatchResults(client, done)) ids.push(result.custom_id)
      equal([done.status, ids], ['completed', ['a']], 'results')
    },
  )

  return list.report()
}
