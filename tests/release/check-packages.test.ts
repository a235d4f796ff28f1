// The field rules and helpers of scripts/check-packages.mjs on hand-made manifests and tarballs, so the gate is
// known to fail when a package is wrong (the gate itself runs over the real packages in `pnpm packages:check`).
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
// A computed specifier: the script is plain .mjs without declarations, so it is typed loosely on purpose.
const script = pathToFileURL(join(repo, 'scripts', 'check-packages.mjs')).href
const { checkExports, checkFields, expectedInstall, readTarball } = await import(script)

const dual = (name: string) => ({
  import: { types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` },
  require: { types: `./dist/${name}.d.cts`, default: `./dist/${name}.cjs` },
})
const distFiles = (...names: string[]) =>
  new Map<string, Buffer>(
    names.flatMap((n) => ['js', 'cjs', 'd.ts', 'd.cts'].map((ext) => [`dist/${n}.${ext}`, Buffer.from('x')])),
  )
const goodManifest = () => ({
  name: '@acme/openai-demo',
  version: '0.1.0',
  license: 'MIT',
  repository: { type: 'git', url: 'https://example.invalid/acme/openai.git', directory: 'packages/demo' },
  sideEffects: false,
  engines: { node: '>=20' },
  main: './dist/index.cjs',
  types: './dist/index.d.cts',
  exports: { '.': dual('index'), './node': dual('node'), './package.json': './package.json' },
  files: ['dist', 'README.md'],
  peerDependencies: { '@acme/openai-core': '^0.1.0' },
})
const goodFiles = () => {
  const files = distFiles('index', 'node')
  files.set('README.md', Buffer.from('# demo\n'))
  files.set('package.json', Buffer.from('{}'))
  files.set('LICENSE', readFileSync(join(repo, 'LICENSE')))
  return files
}

describe('checkExports', () => {
  it('accepts nested import/require conditions that each carry types first', () => {
    expect(checkExports(goodManifest().exports, goodFiles())).toEqual([])
  })

  it('names a condition without types, types not first, a non-declaration types file and a missing file', () => {
    const exportsField = {
      '.': {
        import: { default: './dist/index.js' },
        require: { default: './dist/index.cjs', types: './dist/index.d.cts' },
      },
      './node': { types: './dist/node.js', default: './dist/missing.js' },
    }
    expect(checkExports(exportsField, goodFiles())).toEqual([
      'exports ["."].import has no "types" condition',
      'exports ["."].require: "types" must come first',
      'exports ["./node"].types -> ./dist/node.js is not a declaration file',
      'exports ["./node"].default -> ./dist/missing.js is not in the tarball',
    ])
  })

  it('wants an exports object with a root entry', () => {
    expect(checkExports(undefined, goodFiles())).toEqual([
      'package.json needs an "exports" object with a "." entry',
    ])
    expect(checkExports({ './node': dual('node') }, goodFiles())).toEqual([
      'package.json needs an "exports" object with a "." entry',
    ])
  })
})

describe('checkFields', () => {
  it('accepts a complete manifest', () => {
    expect(checkFields({ dir: 'demo' }, goodManifest(), goodFiles())).toEqual([])
  })

  it('wants the root LICENSE in the tarball', () => {
    const tarball = goodFiles()
    tarball.delete('LICENSE')
    expect(checkFields({ dir: 'demo' }, goodManifest(), tarball)).toEqual([
      'LICENSE is missing from the tarball',
    ])
  })

  it('lists every missing or wrong field, a missing README and a leftover workspace: range', () => {
    const { files, engines, license, ...rest } = goodManifest()
    const manifest = {
      ...rest,
      sideEffects: true,
      repository: {
        type: 'git',
        url: 'https://example.invalid/acme/openai.git',
        directory: 'packages/other',
      },
      main: './dist/gone.cjs',
      bin: { demo: './dist/cli.js' },
      peerDependencies: { '@acme/openai-core': 'workspace:^' },
    }
    const tarball = goodFiles()
    tarball.delete('README.md')
    tarball.set('LICENSE', Buffer.from('All rights reserved.'))
    expect(checkFields({ dir: 'demo' }, manifest, tarball)).toEqual([
      '"files" must list what to publish',
      '"engines.node" is missing',
      '"sideEffects" must be false',
      '"license" is missing',
      '"repository.directory" should be "packages/demo"',
      'README.md is missing from the tarball',
      'LICENSE differs from the root LICENSE: copy it again',
      '"main" -> ./dist/gone.cjs is not in the tarball',
      'bin demo -> ./dist/cli.js is not in the tarball',
      'peerDependencies.@acme/openai-core still says workspace:^ after packing',
    ])
  })
})

describe('expectedInstall', () => {
  const byName = new Map<string, { manifest: Record<string, unknown> }>([
    ['@acme/openai-core', { manifest: { name: '@acme/openai-core' } }],
    [
      '@acme/openai-responses',
      {
        manifest: {
          name: '@acme/openai-responses',
          peerDependencies: { '@acme/openai-core': '^0.1.0', zod: '^4.0.0' },
          peerDependenciesMeta: { zod: { optional: true } },
        },
      },
    ],
    [
      '@acme/openai-realtime',
      {
        manifest: {
          name: '@acme/openai-realtime',
          dependencies: { ws: '8.23.0' },
          peerDependencies: { '@acme/openai-core': '^0.1.0' },
        },
      },
    ],
  ])

  it('follows non-optional peers and leaves optional ones (zod) out', () => {
    expect(expectedInstall('@acme/openai-responses', byName)).toEqual({
      names: ['@acme/openai-core', '@acme/openai-responses'],
      external: [],
    })
  })

  it('reports dependencies that are not workspace packages', () => {
    expect(expectedInstall('@acme/openai-realtime', byName)).toEqual({
      names: ['@acme/openai-core', '@acme/openai-realtime'],
      external: ['ws'],
    })
  })
})

describe('readTarball', () => {
  const dir = mkdtempSync(join(tmpdir(), 'acme-tar-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('reads every file of a gzipped tarball, long paths included, without the package/ prefix', () => {
    const deep = `dist/${'a'.repeat(60)}/${'b'.repeat(60)}/file.js`
    mkdirSync(join(dir, 'package', dirname(deep)), { recursive: true })
    writeFileSync(join(dir, 'package', 'package.json'), '{"name":"x"}')
    writeFileSync(join(dir, 'package', deep), 'export {}\n')
    execFileSync('tar', ['-czf', join(dir, 'x.tgz'), '-C', dir, 'package'])

    const files = readTarball(readFileSync(join(dir, 'x.tgz')))
    expect([...files.keys()].sort()).toEqual([deep, 'package.json'])
    expect(files.get(deep).toString('utf8')).toBe('export {}\n')
    expect(files.get('package.json').toString('utf8')).toBe('{"name":"x"}')
  })
})
