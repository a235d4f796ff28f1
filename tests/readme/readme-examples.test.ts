// Every ts/js block of every README (root, packages/*, docs/*.md) is run against the mock server, in order per
// README, as a reader pasting them would; a block that breaks fails this test under its own name
// (`packages/core/README.md:34`). Blocks marked `<!-- readme-test: typecheck (why) -->` are compiled by tsc instead
// (readme-typecheck.test.ts); `skip (why)` ones are listed as skipped with the reason. See extract-blocks.ts.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { type MockServer, startMockServer } from '@acme/openai-mock'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { autoImportsFor } from './auto-imports'
import { extractBlocks, type ReadmeBlock, readmeFiles, repoRoot } from './extract-blocks'
import { type BlockOutcome, buildProgram, runProgram } from './readme-program'

const PROGRAM_TIMEOUT = 90_000
// Programs mostly wait on the mock; a few at a time keeps the 2-core machine responsive.
const PARALLEL = 4

const readmes = readmeFiles()
  .map((file) => ({ file, blocks: extractBlocks(file, readFileSync(join(repoRoot, file), 'utf8')) }))
  .filter((r) => r.blocks.length > 0)
const outcomes = new Map<string, BlockOutcome>()
let mock: MockServer

async function runReadme(file: string, blocks: readonly ReadmeBlock[]): Promise<void> {
  const runnable = blocks.filter((b) => b.mode === 'run' && !b.markerError)
  if (runnable.length === 0) return
  const { source, outcomes: early } = await buildProgram(runnable, await autoImportsFor(file))
  for (const o of early) outcomes.set(o.id, o)
  const env = { OPENAI_BASE_URL: mock.baseURL, OPENAI_API_KEY: 'sk-readme-test' }
  // A block that failed late (an unawaited promise rejecting) stays failed even though it reported ok first.
  for (const o of await runProgram(file, source, env, PROGRAM_TIMEOUT))
    if (outcomes.get(o.id)?.status !== 'fail') outcomes.set(o.id, o)
}

beforeAll(
  async () => {
    mock = await startMockServer()
    const queue = [...readmes]
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await runReadme(next.file, next.blocks)
    }
    await Promise.all(Array.from({ length: PARALLEL }, worker))
  },
  PROGRAM_TIMEOUT * Math.ceil(readmes.length / PARALLEL) + 30_000,
)

afterAll(() => mock?.close())

for (const { file, blocks } of readmes) {
  describe(file, () => {
    for (const block of blocks) {
      if (block.markerError) {
        it(`${block.id}: marker`, () => {
          expect.fail(`${block.id}: ${block.markerError}`)
        })
      } else if (block.mode === 'skip') {
        it.skip(`${block.id} (not run: ${block.reason})`, () => {})
      } else if (block.mode === 'run') {
        it(`${block.id} runs against the mock`, () => {
          const outcome = outcomes.get(block.id) ?? outcomes.get(file)
          if (!outcome) expect.fail(`${block.id} never ran (an earlier block ended the program)`)
          if (outcome.status !== 'ok') expect.fail(`${block.id}: ${outcome.error}`)
        })
      }
    }
  })
}
