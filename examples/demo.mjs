// The library tour. Against the embedded mock server by default; against the real API when OPENAI_API_KEY is set.
// Each package contributes one section file in this folder; sections that need the mock's fault injection say so
// and are skipped against the real API.
import { existsSync } from 'node:fs'
import { createClient } from '@acme/openai-core'
import { startMockServer } from '@acme/openai-mock'

const live = Boolean(process.env.OPENAI_API_KEY)
const mock = live ? null : await startMockServer()
const client = live
  ? createClient()
  : createClient({ apiKey: 'sk-demo-not-a-real-key', baseURL: mock.baseURL, maxRetries: 2 })

let step = 0
const log = (title, value) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2)
  console.log(`\n[${++step}] ${title}\n${text ?? ''}`)
}

const sections = [
  'core',
  'responses',
  'chat',
  'files',
  'models',
  'embeddings',
  'moderations',
  'batches',
  'fine-tuning',
  'conversations',
  'vector-stores',
  'containers',
  'evals',
  'skills',
  'content-provenance',
  'chatkit',
  'images',
  'audio',
  'videos',
  'realtime',
  'azure',
  'webhooks',
  'auth-workload',
  'otel',
]
console.log(
  `@acme/openai demo: ${live ? 'live OpenAI API (OPENAI_API_KEY is set)' : `mock server at ${mock.url}`}`,
)
let failed = 0
for (const name of sections) {
  const file = new URL(`./${name}.mjs`, import.meta.url)
  if (!existsSync(file)) continue
  console.log(`\n===== ${name} =====`)
  try {
    const { default: tour } = await import(file.href)
    await tour({ client, mock, live, log })
  } catch (error) {
    failed++
    console.error(`section ${name} failed:`, error)
  }
}
await mock?.close()
console.log(failed ? `\ndemo finished with ${failed} failed section(s)` : '\ndemo finished')
process.exit(failed ? 1 : 0)
