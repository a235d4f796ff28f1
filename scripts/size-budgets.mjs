// One entry per public function worth a budget. `code` is what an app would write; limits are gzip -9 bytes.
// `upFront: true` budgets the entry chunk only (code loaded lazily with import(), e.g. the SSE decoder, is a
// separate chunk fetched on first use); without it the budget covers every chunk the snippet can load.
// `conditions` picks the export conditions to resolve with (default browser + import).
export const budgets = [
  {
    name: 'core: createClient + request',
    limit: 6 * 1024,
    upFront: true,
    code: `import { createClient, request } from '@acme/openai-core'
export const f = () => request(createClient({ baseURL: '/api' }), { method: 'get', path: '/models' })`,
  },
  {
    name: 'core: one error class alone',
    limit: 1024,
    code: `export { RateLimitError } from '@acme/openai-core'`,
  },
  {
    name: 'core: request with stream: true',
    limit: 8 * 1024,
    code: `import { createClient, request } from '@acme/openai-core'
export const f = () => request(createClient({ baseURL: '/api' }), { method: 'get', path: '/sse', stream: true })`,
  },
]
