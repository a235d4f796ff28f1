import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { build, type Platform } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))

/** Every file the exports map points at. */
function targets(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  return Object.values(value as Record<string, unknown>).flatMap(targets)
}

// The exports map is resolved by esbuild's own resolver against a copy of package.json with empty stand-ins for
// dist, so the test needs no build and checks what bundlers and runtimes pick.
let root: string
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'realtime-exports-'))
  const pkg = join(root, 'node_modules/@acme/openai-realtime')
  mkdirSync(join(pkg, 'dist'), { recursive: true })
  writeFileSync(join(pkg, 'package.json'), JSON.stringify(manifest))
  for (const file of targets(manifest.exports))
    if (file.startsWith('./dist/')) writeFileSync(join(pkg, file), '')
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

async function resolved(
  specifier: string,
  platform: Platform,
  conditions: string[] = [],
  format: 'esm' | 'cjs' = 'esm',
) {
  const out = await build({
    stdin: {
      contents: format === 'esm' ? `import '${specifier}'` : `require('${specifier}')`,
      resolveDir: root,
    },
    bundle: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
    platform,
    conditions,
    format,
  })
  return Object.keys(out.metafile.inputs)
    .find((input) => input.includes('openai-realtime/dist/'))
    ?.split('dist/')[1]
}

describe('package.json exports pick one entry per runtime', () => {
  it.each([
    ['workerd (wrangler conditions)', 'neutral', ['workerd', 'worker', 'browser'], 'workerd.js'],
    ['a worker bundle', 'neutral', ['worker'], 'workerd.js'],
    ['Deno', 'neutral', ['deno'], 'native.js'],
    ['Bun', 'neutral', ['bun', 'node'], 'native.js'],
    ['a browser bundle', 'browser', [], 'browser.js'],
    ['Node (import)', 'node', [], 'index.js'],
    ['a bundler with no runtime condition', 'neutral', [], 'index.js'],
  ] as const)('%s -> dist/%s', async (_name, platform, conditions, file) => {
    expect(await resolved('@acme/openai-realtime', platform, [...conditions])).toBe(file)
  })

  it('gives require() the CommonJS build of the same entry', async () => {
    expect(await resolved('@acme/openai-realtime', 'node', [], 'cjs')).toBe('index.cjs')
    expect(await resolved('@acme/openai-realtime', 'browser', [], 'cjs')).toBe('browser.cjs')
    expect(createRequire(join(root, 'x.js')).resolve('@acme/openai-realtime')).toBe(
      join(root, 'node_modules/@acme/openai-realtime/dist/index.cjs'),
    )
  })

  it('has explicit subpaths, with types next to every file', async () => {
    expect(await resolved('@acme/openai-realtime/native', 'node')).toBe('native.js')
    expect(await resolved('@acme/openai-realtime/browser', 'node')).toBe('browser.js')
    expect(await resolved('@acme/openai-realtime/workerd', 'node')).toBe('workerd.js')
    for (const file of targets(manifest.exports).filter((f) => f.endsWith('.js') || f.endsWith('.cjs')))
      expect(targets(manifest.exports)).toContain(file.replace(/\.(c?)js$/, '.d.$1ts'))
    expect(dirname(manifest.main)).toBe('./dist')
  })
})
