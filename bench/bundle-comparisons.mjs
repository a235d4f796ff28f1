// Equivalent snippets: what an app imports from us, and from the official SDK, to do the same thing.
const officialClient = `import OpenAI from 'openai'
const c = new OpenAI({ apiKey: 'x', dangerouslyAllowBrowser: true })`

export const comparisons = [
  {
    name: 'a client and one GET (core request)',
    ours: `import { createClient, request } from '@acme/openai-core'
export const f = () => request(createClient({ apiKey: 'x', dangerouslyAllowBrowser: true }), { method: 'get', path: '/models' })`,
    official: `${officialClient}
export const f = () => c.models.list()`,
  },
  {
    name: 'one error class',
    ours: `export { RateLimitError } from '@acme/openai-core'`,
    official: `export { RateLimitError } from 'openai'`,
  },
]
