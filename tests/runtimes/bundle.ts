import { readdirSync, readFileSync } from 'node:fs'
import { build, type Plugin } from 'esbuild'
import type { BundleTarget } from './runtimes'
import { packagesDir } from './smoke-packages'

/** Maps each workspace package name (`@acme/openai-core`) to its folder under `packages/`. */
function workspaceFolders(): Map<string, string> {
  const folders = new Map<string, string>()
  for (const dir of readdirSync(packagesDir)) {
    try {
      folders.set(JSON.parse(readFileSync(`${packagesDir}${dir}/package.json`, 'utf8')).name, dir)
    } catch {
      // Not a package folder.
    }
  }
  return folders
}

/**
 * Resolves `@acme/openai-*` imports to the BUILT workspace packages through their own `exports` map, as an
 * installed copy would be resolved: esbuild resolves the name from inside the package (a self-reference), so the
 * target's conditions pick the entry (`browser`, `workerd`, `deno`...). No node_modules link is needed.
 */
export function workspacePackages(): Plugin {
  const folders = workspaceFolders()
  return {
    name: 'acme-workspace-packages',
    setup(esbuild) {
      esbuild.onResolve({ filter: /^@acme\/openai-/ }, (args) => {
        if (args.pluginData === 'self-reference') return undefined
        const dir = folders.get(args.path.split('/').slice(0, 2).join('/'))
        if (!dir) return { errors: [{ text: `${args.path} is not a package in packages/` }] }
        return esbuild.resolve(args.path, {
          kind: args.kind,
          resolveDir: `${packagesDir}${dir}`,
          pluginData: 'self-reference',
        })
      })
    },
  }
}

// Bundled CommonJS dependencies (ws) call require() for Node built-ins; ESM output needs a real `require` for that.
const requireBanner =
  "import { createRequire as __acmeCreateRequire } from 'node:module'\n" +
  'const require = __acmeCreateRequire(import.meta.url)\n'

/** Bundles `entry` into one ESM file for a runtime; throws with esbuild's messages when it cannot. */
export async function bundleFor(target: BundleTarget, entry: string, outfile: string): Promise<void> {
  const node = target.platform === 'node'
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    platform: target.platform,
    conditions: target.conditions,
    plugins: [workspacePackages()],
    // ws requires these optional native add-ons inside try/catch.
    external: node ? ['bufferutil', 'utf-8-validate'] : [],
    banner: node ? { js: requireBanner } : undefined,
    logLevel: 'silent',
  })
}
