// An esbuild plugin that resolves `@acme/openai-<dir>[/<sub>]` to the package sources, the way vitest.config.ts
// does for tests: `<dir>/src/index.ts`, a subpath `src/<sub>/index.ts`, `src/<sub>-entry.ts` or `src/<sub>.ts`.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'esbuild'

const packages = fileURLToPath(new URL('../../packages/', import.meta.url))

/** The source file of a package name or subpath, or undefined when it is not one of ours. */
export function acmeSourceOf(id: string): string | undefined {
  const match = /^@acme\/openai-([a-z0-9-]+)(?:\/([a-z0-9-]+))?$/.exec(id)
  if (!match) return undefined
  const dir = join(packages, match[1] === 'mock' ? 'mock-server' : match[1], 'src')
  const sub = match[2]
  const candidates = sub ? [`${sub}/index.ts`, `${sub}-entry.ts`, `${sub}.ts`] : ['index.ts']
  return candidates.map((c) => join(dir, c)).find((file) => existsSync(file))
}

/** esbuild plugin: `@acme/openai-*` from the sources. */
export function acmeSources(): Plugin {
  return {
    name: 'acme-sources',
    setup(b) {
      b.onResolve({ filter: /^@acme\/openai-/ }, ({ path }) => {
        const found = acmeSourceOf(path)
        return found ? { path: found } : undefined
      })
    },
  }
}
