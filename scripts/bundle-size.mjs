// Bundles a snippet the way a browser app would (esbuild, ESM, minified) and measures it gzip -9.
import { existsSync } from 'node:fs'
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

/** Resolves `@acme/openai-<pkg>[/sub]` to the built ESM file, so the measure is of what we publish. */
const workspacePackages = {
  name: 'workspace-dist',
  setup(b) {
    b.onResolve({ filter: /^@acme\/openai-/ }, (args) => {
      const [, pkg, sub] = args.path.match(/^@acme\/openai-([a-z-]+)(?:\/(.+))?$/) ?? []
      const file = join(root, 'packages', dirs[pkg] ?? pkg, 'dist', `${sub ?? 'index'}.js`)
      if (!existsSync(file))
        return { errors: [{ text: `${args.path} is not built (${file}); run pnpm build` }] }
      return { path: file }
    })
  },
}

/** Returns { min, gzip, inputs } for an ESM snippet. */
export async function bundleSize(code, { conditions = ['browser', 'import'] } = {}) {
  const out = await build({
    stdin: { contents: code, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    conditions,
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [workspacePackages],
  })
  const bytes = out.outputFiles[0].contents
  return {
    min: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    inputs: Object.keys(out.metafile.inputs),
  }
}
