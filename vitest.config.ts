import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const packages = fileURLToPath(new URL('./packages/', import.meta.url))

// Tests import the packages by name; point the names at the sources so no build is needed to test.
// `@acme/openai-<dir>` is `packages/<dir>/src/index.ts` (the mock server's folder is `mock-server`); a subpath
// `<dir>/<sub>` is `src/<sub>/index.ts`, else `src/<sub>-entry.ts`. A new package or subpath needs no entry here.
function sourceOf(id: string): string | undefined {
  const match = /^@acme\/openai-([a-z0-9-]+)(?:\/([a-z0-9-]+))?$/.exec(id)
  if (!match) return undefined
  const dir = match[1] === 'mock' ? 'mock-server' : match[1]
  const sub = match[2]
  const candidates = sub
    ? [`${dir}/src/${sub}/index.ts`, `${dir}/src/${sub}-entry.ts`, `${dir}/src/${sub}.ts`]
    : [`${dir}/src/index.ts`]
  return candidates.map((c) => packages + c).find((file) => existsSync(file))
}

export default defineConfig({
  plugins: [{ name: 'acme-sources', enforce: 'pre', resolveId: (id) => sourceOf(id) }],
  test: {
    include: ['packages/*/src/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 20_000,
    pool: 'forks',
  },
})
