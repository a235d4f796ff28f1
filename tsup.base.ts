import { readFileSync } from 'node:fs'
import { defineConfig, type Options } from 'tsup'

/** One build recipe for every package: ESM + CJS + .d.ts/.d.cts, no minification (consumers minify). */
export function packageConfig(entry: Record<string, string>, extra: Options = {}) {
  return defineConfig({
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    target: 'es2022',
    sourcemap: false,
    splitting: true,
    treeshake: false,
    // Keep `node:` specifiers: Deno and workerd's nodejs_compat resolve them, bare `fs` they may not.
    removeNodeProtocol: false,
    define: { __VERSION__: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
    ...extra,
  })
}
