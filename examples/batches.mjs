// @acme/openai-batches: a whole batch in one call (upload JSONL, create, wait, read the results as a stream).
import { runBatch } from '@acme/openai-batches'

export default async function batchesTour({ client, live, log }) {
  if (live) return log('batches', 'skipped against the real API (a batch can take up to 24 hours)')
  const texts = ['first document', 'second document', 'third document']
  const run = await runBatch(client, {
    endpoint: '/v1/embeddings',
    requests: texts.map((input, i) => ({
      custom_id: `doc-${i}`,
      body: { model: 'text-embedding-3-small', input, dimensions: 8 },
    })),
    onPoll: (batch) => log(`waitForBatch: ${batch.status}`, batch.request_counts),
  })
  const lines = []
  for await (const line of run.results()) lines.push(`${line.custom_id}: ${line.response?.status_code}`)
  log('runBatch(client, { endpoint, requests }) → results()', lines)
}
