// Runs a package's `/zod` code against a chosen copy of zod: esbuild bundles a small program together with the
// package sources and the zod it should see (`zod` itself, or the `zod3` alias of zod 3.25 whose `zod/v4` entries
// the package must also work with), so the schemas and the package share one zod, as in a user's app.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { acmeSources } from './acme-sources'

const root = fileURLToPath(new URL('../..', import.meta.url))

/** Which zod the bundle sees: the zod 4 devDependency, or zod 3.25 (installed as `zod3`). */
export type ZodCopy = 'zod4' | 'zod3'

/**
 * Bundles `source` (an ES module; relative imports resolve from `resolveDir`) with every `zod` import pointing at
 * the chosen copy, then imports it.
 */
export async function importWithZod<T>(source: string, resolveDir: string, zod: ZodCopy): Promise<T> {
  const result = await build({
    stdin: { contents: source, resolveDir, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'silent',
    alias: zod === 'zod3' ? { zod: 'zod3' } : {},
    plugins: [acmeSources()],
    nodePaths: [join(root, 'node_modules')],
  })
  const dir = mkdtempSync(join(tmpdir(), 'acme-zod-'))
  try {
    const file = join(dir, `${zod}.mjs`)
    writeFileSync(file, result.outputFiles?.[0]?.text ?? '')
    return (await import(pathToFileURL(file).href)) as T
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The version of the zod copy the bundle would use (to prove the zod 3 case really ran zod 3). */
export async function zodVersion(zod: ZodCopy): Promise<string> {
  const dir = join(root, 'node_modules', zod === 'zod3' ? 'zod3' : 'zod')
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version
}
