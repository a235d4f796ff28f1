// @acme/openai-vector-stores (generated operations) on every runtime: a store, a file attached to it, search,
// list, the polling and batch upload helpers, delete. The first file is uploaded with core's `request`.
import { createClient, request } from '@acme/openai-core'
import {
  createVectorStore,
  createVectorStoreFile,
  deleteVectorStore,
  listVectorStoreFiles,
  pollVectorStoreFile,
  searchVectorStore,
  uploadVectorStoreFileBatchAndPoll,
} from '@acme/openai-vector-stores'
import { checklist, equal } from './checklist.js'

/** Runs the Vector Stores checks against the mock server at `baseURL`; throws on the first failure. */
export async function smoke({ baseURL, apiKey }) {
  const list = checklist()
  const client = createClient({ apiKey, baseURL, maxRetries: 0, dangerouslyAllowBrowser: true })
  let store
  let file

  await list.check('createVectorStore and createVectorStoreFile', async () => {
    const form = new FormData()
    form.append('purpose', 'assistants')
    form.append('file', new Blob(['Returns are accepted within 30 days.']), 'policy.txt')
    const uploaded = await request(client, { method: 'post', path: '/files', body: form })
    store = await createVectorStore(client, { name: 'smoke' })
    file = await createVectorStoreFile(client, store.id, { file_id: uploaded.id })
    equal([store.object, file.object], ['vector_store', 'vector_store.file'], 'created')
  })

  await list.check('listVectorStoreFiles and searchVectorStore', async () => {
    const ids = []
    for await (const f of listVectorStoreFiles(client, store.id)) ids.push(f.id)
    equal(ids, [file.id], 'listed')
    const page = await searchVectorStore(client, store.id, { query: 'returns' })
    equal(Array.isArray(page.data), true, 'search page')
  })

  await list.check(
    'pollVectorStoreFile and uploadVectorStoreFileBatchAndPoll wait for processing',
    async () => {
      equal((await pollVectorStoreFile(client, store.id, file.id)).status, 'completed', 'file')
      const batch = await uploadVectorStoreFileBatchAndPoll(
        client,
        store.id,
        {
          files: [
            ['a.txt', 'alpha'],
            ['b.txt', 'beta'],
            ['c.txt', 'gamma'],
          ],
        },
        { maxConcurrency: 2 },
      )
      equal([batch.status, batch.file_counts.completed], ['completed', 3], 'batch')
    },
  )

  await list.check('deleteVectorStore deletes it', async () => {
    equal((await deleteVectorStore(client, store.id)).deleted, true, 'deleted')
  })

  return list.report()
}
