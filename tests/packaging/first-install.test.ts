// The parts of scripts/check-first-install.mjs that decide pass or fail, on hand-made inputs, so the gate is known
// to fail when the README loses a line or an install brings something else (the gate itself runs the four package
// managers in `pnpm packages:check`).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const { installedNames, readmeFirstSteps, yarnLockNames } = await import(
  pathToFileURL(join(repo, 'scripts', 'check-first-install.mjs')).href
)

describe('readmeFirstSteps', () => {
  it('finds an install line for npm, pnpm, yarn and bun in the root README, each naming core and responses', () => {
    const { lines, example } = readmeFirstSteps(readFileSync(join(repo, 'README.md'), 'utf8'))
    for (const manager of ['npm', 'pnpm', 'yarn', 'bun'])
      expect(lines[manager], manager).toEqual(['@acme/openai-core', '@acme/openai-responses'])
    expect(example).toContain("from '@acme/openai-core'")
    expect(example).toContain("from '@acme/openai-responses'")
  })

  it('reports a missing manager when the Install block lacks its line', () => {
    const readme = '# x\n\n```ts\nx\n```\n\n## Install\n\n```sh\nnpm install @acme/openai-responses\n```\n'
    const { lines } = readmeFirstSteps(readme)
    expect(lines).toEqual({ npm: ['@acme/openai-responses'] })
  })
})

describe('installedNames', () => {
  const dir = mkdtempSync(join(tmpdir(), 'acme-installed-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const pkg = (path: string, name: string) => {
    mkdirSync(path, { recursive: true })
    writeFileSync(join(path, 'package.json'), JSON.stringify({ name }))
  }

  it('sees hoisted, nested and pnpm-store packages, so an extra one cannot hide', () => {
    const nm = join(dir, 'node_modules')
    pkg(join(nm, '@acme/openai-core'), '@acme/openai-core')
    pkg(join(nm, '@acme/openai-responses'), '@acme/openai-responses')
    pkg(join(nm, '@acme/openai-responses/node_modules/zod'), 'zod')
    pkg(join(nm, '.pnpm/ws@8.0.0/node_modules/ws'), 'ws')
    mkdirSync(join(nm, '.bin'), { recursive: true })
    expect(installedNames(nm)).toEqual(['@acme/openai-core', '@acme/openai-responses', 'ws', 'zod'])
  })
})

describe('yarnLockNames', () => {
  it("reads the packages of a Yarn 4 lockfile (Plug'n'Play has no node_modules), not the app itself", () => {
    const lock = [
      '__metadata:',
      '  version: 8',
      '',
      '"@acme/openai-core@npm:^0.1.0":',
      '  version: 0.1.0',
      '',
      '"@acme/openai-responses@npm:^0.1.0":',
      '  version: 0.1.0',
      '',
      '"first-app@workspace:.":',
      '  version: 0.0.0-use.local',
      '',
      '"zod@npm:^4.0.0, zod@npm:^4.1.0":',
      '  version: 4.1.0',
    ].join('\n')
    expect(yarnLockNames(lock)).toEqual(['@acme/openai-core', '@acme/openai-responses', 'zod'])
  })
})
