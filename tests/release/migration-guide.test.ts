// docs/migrating-from-openai-node.md must not drift from the packages: every name it imports from an
// `@acme/openai-*` entry, and every function it calls as `name(client, ...)` (not `Class.method(client)`, which
// is openai-node's side), has to be a real export.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { acmeSourceOf } from '../support/acme-sources'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const guide = readFileSync(join(root, 'docs', 'migrating-from-openai-node.md'), 'utf8')

/** Every public entry of every package (`@acme/openai-x` and its subpaths), loaded from the sources. */
async function loadEntries(): Promise<Record<string, Record<string, unknown>>> {
  const entries: Record<string, Record<string, unknown>> = {}
  for (const dir of readdirSync(join(root, 'packages')).sort()) {
    const manifest = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8'))
    for (const key of Object.keys(manifest.exports ?? {})) {
      if (key === './package.json') continue
      const specifier = key === '.' ? manifest.name : `${manifest.name}/${key.slice(2)}`
      const source = acmeSourceOf(specifier)
      if (source) entries[specifier] = await import(/* @vite-ignore */ source)
    }
  }
  return entries
}
const entries = await loadEntries()

describe('docs/migrating-from-openai-node.md', () => {
  it('imports only names the packages export', () => {
    const imports = [...guide.matchAll(/import \{([^}]+)\} from '(@acme\/openai-[\w/-]+)'/g)]
    expect(imports.length).toBeGreaterThan(5)
    const missing: string[] = []
    for (const [, names, specifier] of imports) {
      const entry = entries[specifier]
      if (!entry) {
        missing.push(`${specifier} (unknown entry)`)
        continue
      }
      for (const name of names.split(',').map((n) => n.trim().replace(/^type /, ''))) {
        if (!(name in entry)) missing.push(`${name} from ${specifier}`)
      }
    }
    expect(missing).toEqual([])
  })

  it('calls only functions that some package exports', () => {
    const exported = new Set(Object.values(entries).flatMap((entry) => Object.keys(entry)))
    const called = new Set([...guide.matchAll(/(?<![.\w])([a-z][A-Za-z0-9]+)\(client\b/g)].map((m) => m[1]))
    expect(called.size).toBeGreaterThan(15)
    expect([...called].filter((name) => !exported.has(name))).toEqual([])
  })
})
