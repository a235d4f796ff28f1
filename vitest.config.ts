import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const src = (p: string) => fileURLToPath(new URL(`./packages/${p}`, import.meta.url))

// Tests import the packages by name; point the names at the sources so no build is needed to test.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@acme\/openai-core\/stream$/, replacement: src('core/src/stream-entry.ts') },
      { find: /^@acme\/openai-core$/, replacement: src('core/src/index.ts') },
      { find: /^@acme\/openai-mock$/, replacement: src('mock-server/src/index.ts') },
      { find: /^@acme\/openai-responses\/zod$/, replacement: src('responses/src/zod/index.ts') },
      { find: /^@acme\/openai-responses$/, replacement: src('responses/src/index.ts') },
      { find: /^@acme\/openai-chat\/zod$/, replacement: src('chat/src/zod/index.ts') },
      { find: /^@acme\/openai-chat$/, replacement: src('chat/src/index.ts') },
      { find: /^@acme\/openai-files\/node$/, replacement: src('files/src/node/index.ts') },
      { find: /^@acme\/openai-files$/, replacement: src('files/src/index.ts') },
      { find: /^@acme\/openai-realtime$/, replacement: src('realtime/src/index.ts') },
      { find: /^@acme\/openai-webhooks$/, replacement: src('webhooks/src/index.ts') },
      { find: /^@acme\/openai-auth-workload\/node$/, replacement: src('auth-workload/src/node/index.ts') },
      { find: /^@acme\/openai-auth-workload$/, replacement: src('auth-workload/src/index.ts') },
    ],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 20_000,
    pool: 'forks',
  },
})
