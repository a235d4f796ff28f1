import { defineConfig } from 'vitest/config'
import { acmeSourceOf } from './tests/support/acme-sources'

// Tests import the packages by name; point the names at the sources so no build is needed to test
// (`tests/support/acme-sources.ts` says how a name maps to a file; a new package or subpath needs no entry here).
export default defineConfig({
  plugins: [{ name: 'acme-sources', enforce: 'pre', resolveId: (id) => acmeSourceOf(id) }],
  test: {
    include: ['packages/*/src/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 20_000,
    pool: 'forks',
  },
})
