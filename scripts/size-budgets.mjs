// One entry per public function worth a budget. `code` is what an app would write; limits are gzip -9 bytes.
export const budgets = [
  {
    name: 'core: createClient + request',
    limit: 6 * 1024,
    code: `import { createClient, request } from '@acme/openai-core'
export const f = () => request(createClient({ baseURL: '/api' }), { method: 'get', path: '/models' })`,
  },
  {
    name: 'core: one error class alone',
    limit: 1024,
    code: `export { RateLimitError } from '@acme/openai-core'`,
  },
]
