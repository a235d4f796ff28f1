// The small things a new user meets in the first hour: a quiet `pnpm install`, progress before the long build,
// a Chromium skip that says how to fix it, a migration guide one can find, engines that agree, READMEs that tell
// the truth about dependencies, and relative links that lead somewhere.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { readmeFiles } from '../readme/extract-blocks'
import { locateChromium } from '../runtimes/runtimes'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const json = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8'))
const rootManifest = json('package.json')
const packageDirs = readdirSync(join(root, 'packages')).filter((d) =>
  existsSync(join(root, 'packages', d, 'package.json')),
)

describe('pnpm install ends without an "Ignored build scripts" box', () => {
  it('every installed package with an install script is allowed or ignored on purpose in pnpm-workspace.yaml', () => {
    const workspace = parse(readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8'))
    const decided = new Set([
      ...(workspace.onlyBuiltDependencies ?? []),
      ...(workspace.ignoredBuiltDependencies ?? []),
    ])
    const store = join(root, 'node_modules', '.pnpm')
    const undecided = new Set<string>()
    for (const slot of readdirSync(store)) {
      const modules = join(store, slot, 'node_modules')
      if (!existsSync(modules)) continue
      for (const entry of readdirSync(modules)) {
        const names = entry.startsWith('@')
          ? readdirSync(join(modules, entry)).map((n) => `${entry}/${n}`)
          : [entry]
        for (const name of names) {
          const manifestPath = join(modules, name, 'package.json')
          if (!existsSync(manifestPath) || !slot.startsWith(name.replace('/', '+'))) continue
          const scripts = JSON.parse(readFileSync(manifestPath, 'utf8')).scripts ?? {}
          if ((scripts.preinstall || scripts.install || scripts.postinstall) && !decided.has(name))
            undecided.add(name)
        }
      }
    }
    expect([...undecided].sort()).toEqual([])
  })
})

describe('long steps say what they do', () => {
  it('pnpm demo and pnpm test print a line before the silent build', () => {
    for (const script of ['demo', 'test']) {
      const command: string = rootManifest.scripts[script]
      expect(command.indexOf('echo '), script).toBe(0)
      expect(command.indexOf('echo ')).toBeLessThan(command.indexOf('turbo run build'))
    }
  })

  it('a missing Chromium is reported with the command that installs it', () => {
    const located = locateChromium('/nonexistent/chromium')
    expect(located).toEqual({
      missing: expect.stringContaining(
        '/nonexistent/chromium not found; install it with `sudo apt-get install chromium`',
      ),
    })
    expect(readFileSync(join(root, 'scripts', 'run-tests.mjs'), 'utf8')).toContain(
      'sudo apt-get install chromium',
    )
  })
})

describe('docs a new user can trust', () => {
  it('the root README links the migration guide', () => {
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain('(docs/migrating-from-openai-node.md)')
  })

  it('every relative link in a README points at a file that exists', () => {
    const broken: string[] = []
    for (const file of readmeFiles()) {
      const text = readFileSync(join(root, file), 'utf8')
      for (const [, target] of text.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)) {
        if (/^[a-z]+:/i.test(target)) continue
        if (!existsSync(join(root, dirname(file), target))) broken.push(`${file} -> ${target}`)
      }
    }
    expect(broken).toEqual([])
  })

  it('a package README that says "no dependencies" belongs to a package without any', () => {
    for (const dir of packageDirs) {
      const readme = join(root, 'packages', dir, 'README.md')
      if (!existsSync(readme)) continue
      const claims = /\bno dependencies\b/i.test(readFileSync(readme, 'utf8'))
      const deps = Object.keys(json(`packages/${dir}/package.json`).dependencies ?? {})
      if (claims) expect(deps, `packages/${dir}/README.md says "no dependencies"`).toEqual([])
    }
  })

  it('every package declares the same engines.node as the repo', () => {
    const engines = Object.fromEntries(
      packageDirs.map((d) => [d, json(`packages/${d}/package.json`).engines?.node]),
    )
    expect(engines).toEqual(Object.fromEntries(packageDirs.map((d) => [d, rootManifest.engines.node])))
  })
})
