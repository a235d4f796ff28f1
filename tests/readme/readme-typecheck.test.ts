// The README blocks marked `<!-- readme-test: typecheck (why) -->`, compiled by tsc (see readme-typecheck.ts).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { autoImportsFor } from './auto-imports'
import { extractBlocks, readmeFiles, repoRoot } from './extract-blocks'
import { typecheckBlocks, typecheckModule } from './readme-typecheck'

const blocks = readmeFiles().flatMap((file) =>
  extractBlocks(file, readFileSync(join(repoRoot, file), 'utf8')).filter((b) => b.mode === 'typecheck'),
)
let errors = new Map<string, string[]>()

beforeAll(async () => {
  const modules = new Map<string, string>()
  for (const block of blocks) modules.set(block.id, typecheckModule(block, await autoImportsFor(block.file)))
  if (modules.size) errors = await typecheckBlocks(modules)
}, 120_000)

describe('README blocks marked typecheck', () => {
  for (const block of blocks)
    it(`${block.id} typechecks (${block.reason})`, () => {
      const found = errors.get(block.id) ?? []
      if (found.length) expect.fail(`${block.id}:\n${found.join('\n')}`)
    })
})
