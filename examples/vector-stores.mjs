// @acme/openai-vector-stores: upload files into a store (a few at a time), wait until processed, search.
import {
  createVectorStore,
  deleteVectorStore,
  searchVectorStore,
  uploadVectorStoreFileBatchAndPoll,
} from '@acme/openai-vector-stores'

export default async function vectorStoresTour({ client, live, log }) {
  const store = await createVectorStore(client, { name: 'demo notes' })
  try {
    const batch = await uploadVectorStoreFileBatchAndPoll(
      client,
      store.id,
      {
        files: [
          ['paris.md', 'Paris is the capital of France.'],
          ['rome.md', 'Rome is the capital of Italy.'],
          ['madrid.md', 'Madrid is the capital of Spain.'],
        ],
      },
      { maxConcurrency: 2, pollInterval: live ? 1000 : undefined },
    )
    log('uploadVectorStoreFileBatchAndPoll(client, id, { files }, { maxConcurrency: 2 })', batch.file_counts)
    const results = await searchVectorStore(client, store.id, {
      query: 'capital of Italy',
      max_num_results: 2,
    })
    log(
      "searchVectorStore(client, id, { query: 'capital of Italy' })",
      results.data.map((r) => `${r.filename} ${r.score.toFixed(2)}`),
    )
  } finally {
    await deleteVectorStore(client, store.id)
  }
}
