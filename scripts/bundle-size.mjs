// Bundles a snippet the way a browser app would (esbuild, ESM, minified) and measures it gzip -9.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dirs = {
  core: 'core',
  mock: 'mock-server',
  responses: 'responses',
  chat: 'chat',
  files: 'files',
  realtime: 'realtime',
  webhooks: 'webhooks',
  'auth-workload': 'auth-workload',
}

/**
 * Resolves `@acme/openai-<pkg>[/sub]` to the built ESM file, so the measure is of what we publish. A plugin's answer
 * skips esbuild's own package.json lookup, so the package's `sideEffects` flag is passed on here, as every app
 * bundler that resolves the published package would read it.
 */
const manifests = {}
const workspacePackages = {
  name: 'workspace-dist',
  setup(b) {
    b.onResolve({ filter: /^@acme\/openai-/ }, (args) => {
      const [, pkg, sub] = args.path.match(/^@acme\/openai-([a-z-]+)(?:\/(.+))?$/) ?? []
      const file = join(root, 'packages', dirs[pkg] ?? pkg, 'dist', `${sub ?? 'index'}.js`)
      if (!existsSync(file))
        return { errors: [{ text: `${args.path} is not built (${file}); run pnpm build` }] }
      // Read once per package: every snippet of a run resolves the same few packages.
      const manifest = (manifests[pkg] ??= JSON.parse(
        readFileSync(join(root, 'packages', dirs[pkg] ?? pkg, 'package.json'), 'utf8'),
      ))
      return { path: file, ...(manifest.sideEffects === false ? { sideEffects: false } : {}) }
    })
  },
}

/**
 * Bundles with code splitting, as app bundlers do, and returns sizes for the entry chunk (what loads up front)
 * and for all chunks (entry + chunks loaded on first use through `import()`), plus every input module.
 */
export async function bundleSize(code, { conditions = ['browser', 'import'], external = [] } = {}) {
  const out = await build({
    stdin: { contents: code, resolveDir: root, loader: 'js', sourcefile: 'entry.js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    splitting: true,
    outdir: join(root, '.tmp', 'size'),
    conditions,
    // Packages the app already ships for its own reasons (e.g. @opentelemetry/api), left out of the measure.
    external,
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [workspacePackages],
  })
  const gz = (f) => gzipSync(f.contents, { level: 9 }).length
  const outputs = out.metafile.outputs
  const file = (name) => out.outputFiles.find((f) => f.path.endsWith(`/${name.split('/').at(-1)}`))
  // Walk the chunk graph from the entry: static imports load up front, live import() calls load on first use.
  const reach = (kinds) => {
    const seen = new Set()
    const visit = (name) => {
      if (seen.has(name)) return
      seen.add(name)
      for (const i of outputs[name].imports) if (kinds.includes(i.kind) && outputs[i.path]) visit(i.path)
    }
    // The snippet's own output: lazily loaded modules are entry points too, so match the snippet's file name.
    visit(Object.keys(outputs).find((name) => outputs[name].entryPoint === 'entry.js'))
    return [...seen].filter((name) => name.endsWith('.js')).map(file)
  }
  const upFront = reach(['import-statement'])
  const all = reach(['import-statement', 'dynamic-import'])
  return {
    min: all.reduce((n, f) => n + f.contents.length, 0),
    gzip: all.reduce((n, f) => n + gz(f), 0),
    entryGzip: upFront.reduce((n, f) => n + gz(f), 0),
    chunks: all.length,
    inputs: Object.keys(out.metafile.inputs),
  }
}
