// What a README block may use without importing it: the names exported at run time by core and by the README's
// own package (main entry first, then its subpaths). A README shows each import once; later blocks rely on it.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { packageOf, repoRoot } from './extract-blocks'

/** Name -> module that exports it. Loaded through vitest, so the names come from the sources. */
export async function autoImportsFor(file: string): Promise<Map<string, string>> {
  const names = new Map<string, string>()
  const pkg = packageOf(file)
  const modules = ['@acme/openai-core']
  if (pkg && pkg !== '@acme/openai-core') {
    modules.unshift(pkg)
    const manifest = JSON.parse(
      readFileSync(join(repoRoot, file.replace('README.md', 'package.json')), 'utf8'),
    )
    for (const sub of Object.keys(manifest.exports ?? {}))
      if (sub !== '.' && sub !== './package.json') modules.push(`${pkg}${sub.slice(1)}`)
  }
  for (const spec of modules) {
    try {
      for (const name of Object.keys(await import(/* @vite-ignore */ spec)))
        if (!names.has(name)) names.set(name, spec)
    } catch {
      // A subpath that does not load on Node here (e.g. a browser-only entry) offers no names.
    }
  }
  return names
}
