import { describe, expect, it } from 'vitest'
import { declaredNames, extractBlocks, hoistable, readmeFiles, splitImports } from './extract-blocks'
import { ourPart, unresolvable } from './readme-program'

describe('extractBlocks', () => {
  it('takes ts/js blocks (indented ones too) with their markers, and leaves sh and json alone', () => {
    const md = [
      '# x',
      '```sh',
      'npm i x',
      '```',
      '```ts',
      'run()',
      '```',
      '<!-- readme-test: typecheck (needs a browser) -->',
      '',
      '```js',
      'page()',
      '```',
      '- item',
      '  ```ts',
      '  nested()',
      '  ```',
      '<!-- readme-test: skip -->',
      '```ts',
      'x()',
      '```',
      '<!-- readme-test: sometimes (why) -->',
      '```ts',
      'y()',
      '```',
    ].join('\n')
    const blocks = extractBlocks('README.md', md)
    expect(blocks.map((b) => [b.id, b.mode, b.reason, b.code])).toEqual([
      ['README.md:5', 'run', undefined, 'run()'],
      ['README.md:10', 'typecheck', 'needs a browser', 'page()'],
      ['README.md:14', 'run', undefined, 'nested()'],
      ['README.md:18', 'run', undefined, 'x()'],
      ['README.md:22', 'run', undefined, 'y()'],
    ])
    expect(blocks[3].markerError).toBe('readme-test: skip needs a reason in parentheses')
    expect(blocks[4].markerError).toBe('unknown readme-test mode "sometimes" (run, typecheck or skip)')
  })

  it('finds the root README, every package README and docs/*.md by itself', () => {
    const files = readmeFiles()
    expect(files[0]).toBe('README.md')
    expect(files).toContain('packages/core/README.md')
    expect(files).toContain('packages/proxy/README.md')
    expect(files).toContain('docs/migrating-from-openai-node.md')
  })
})

describe('program building blocks', () => {
  it('splits imports (named, renamed, type-only, default, namespace, with a trailing comment) from the code', () => {
    const { bindings, body } = splitImports(
      "import { a, b as c, type T } from 'm'\nimport D, * as NS from 'n' // why\nimport {\n  x,\n} from 'o'\nrun(a)",
    )
    expect(bindings.map((b) => [b.local, b.imported, b.from, b.typeOnly])).toEqual([
      ['a', 'a', 'm', false],
      ['c', 'b', 'm', false],
      ['T', 'T', 'm', true],
      ['D', 'default', 'n', false],
      ['NS', '*', 'n', false],
      ['x', 'x', 'o', false],
    ])
    expect(body.trim()).toBe('run(a)')
  })

  it('makes top-level declarations visible to later blocks, leaving nested ones alone', () => {
    expect(
      hoistable('const a = 1\nlet { b } = c\nif (x) {\n  const d = 2\n}\nasync function f() {}\nclass K {}'),
    ).toBe(
      'var a = 1\nvar { b } = c\nif (x) {\n  const d = 2\n}\nvar f = async function f() {}\nvar K = class K {}',
    )
    expect([
      ...declaredNames('const a = 1\nconst { b, c: d, ...e } = x\nfunction f() {}\n  const nested = 1'),
    ]).toEqual(['a', 'b', 'd', 'e', 'f'])
  })

  it('runs only our half of a block that shows openai-node first', () => {
    expect(ourPart('// openai-node\nconst a = 1\n\n// @acme/openai (Node)\nconst b = 2')).toBe('const b = 2')
    expect(ourPart('const c = 3')).toBe('const c = 3')
  })
})

describe('unresolvable', () => {
  it('names the imports the repo cannot resolve, so only the blocks using them fail', async () => {
    const missing = await unresolvable([
      'zod',
      'node:fs',
      '@acme/openai-core',
      'not-a-package-here-xyz',
      '@acme/openai-nope',
    ])
    expect([...missing].sort()).toEqual(['@acme/openai-nope', 'not-a-package-here-xyz'])
  })
})
