// Release flow: `changeset version` run on a scratch copy of the workspace (every package.json, the
// workspace file and .changeset/config.json; no sources, no pending changesets), so the real repo is never touched.
// Shows which packages a changeset bumps with the repo's own config: independent versions, core as a
// `workspace:^` peer, `onlyUpdatePeerDependentsWhenOutOfRange`.
import { execFileSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const CORE = '@acme/openai-core'
const RESPONSES = '@acme/openai-responses'
const TIMEOUT = 60_000

type Manifest = {
  name: string
  version: string
  private?: boolean
  peerDependencies?: Record<string, string>
  devDependencies?: Record<string, string>
}
type Scratch = { dir: string; folders: Map<string, string> }

/** Workspace folders (relative) from pnpm-workspace.yaml; supports the `dir/*` and plain `dir` forms used here. */
function workspaceFolders(): string[] {
  const globs: string[] = parse(readFileSync(join(repo, 'pnpm-workspace.yaml'), 'utf8')).packages
  return globs.flatMap((glob) => {
    if (!glob.endsWith('/*')) return [glob]
    const parent = glob.slice(0, -2)
    return readdirSync(join(repo, parent)).map((d) => `${parent}/${d}`)
  })
}

const scratches: string[] = []
afterEach(() => {
  for (const dir of scratches.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** Copies the manifests and changeset config into a temp dir; `version` overrides every public package's version. */
function makeScratch(version?: string): Scratch {
  const dir = mkdtempSync(join(tmpdir(), 'acme-release-'))
  scratches.push(dir)
  mkdirSync(join(dir, '.changeset'))
  for (const file of ['package.json', 'pnpm-workspace.yaml', '.changeset/config.json']) {
    writeFileSync(join(dir, file), readFileSync(join(repo, file)))
  }
  const folders = new Map<string, string>()
  for (const folder of workspaceFolders()) {
    const source = join(repo, folder, 'package.json')
    if (!existsSync(source)) continue
    const manifest: Manifest = JSON.parse(readFileSync(source, 'utf8'))
    if (version && !manifest.private) manifest.version = version
    mkdirSync(join(dir, folder), { recursive: true })
    writeFileSync(join(dir, folder, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`)
    folders.set(manifest.name, folder)
  }
  // The config names `@changesets/cli/changelog`; changesets resolves it from the scratch dir.
  mkdirSync(join(dir, 'node_modules', '@changesets'), { recursive: true })
  symlinkSync(
    join(repo, 'node_modules', '@changesets', 'cli'),
    join(dir, 'node_modules', '@changesets', 'cli'),
    'dir',
  )
  return { dir, folders }
}

/** Writes one changeset and runs `changeset version` in the scratch dir. */
function version(scratch: Scratch, releases: Record<string, 'patch' | 'minor' | 'major'>, summary: string) {
  const front = Object.entries(releases)
    .map(([name, type]) => `"${name}": ${type}`)
    .join('\n')
  writeFileSync(join(scratch.dir, '.changeset', 'release-flow-test.md'), `---\n${front}\n---\n\n${summary}\n`)
  execFileSync(process.execPath, [join(repo, 'node_modules', '@changesets', 'cli', 'bin.js'), 'version'], {
    cwd: scratch.dir,
    stdio: 'pipe',
    timeout: TIMEOUT,
  })
}

function manifests(scratch: Scratch): Map<string, Manifest> {
  const out = new Map<string, Manifest>()
  for (const [name, folder] of scratch.folders) {
    out.set(name, JSON.parse(readFileSync(join(scratch.dir, folder, 'package.json'), 'utf8')))
  }
  return out
}

function versions(scratch: Scratch): Record<string, string> {
  return Object.fromEntries([...manifests(scratch)].map(([name, m]) => [name, m.version]))
}

function changelogs(scratch: Scratch): string[] {
  return [...scratch.folders]
    .filter(([, folder]) => existsSync(join(scratch.dir, folder, 'CHANGELOG.md')))
    .map(([name]) => name)
    .sort()
}

function changelog(scratch: Scratch, name: string): string {
  return readFileSync(join(scratch.dir, scratch.folders.get(name)!, 'CHANGELOG.md'), 'utf8')
}

/** Public packages that list core as a peer: the ones a core release could drag along. */
function coreDependents(scratch: Scratch): string[] {
  return [...manifests(scratch)]
    .filter(([, m]) => !m.private && m.peerDependencies?.[CORE])
    .map(([name]) => name)
    .sort()
}

function bump(v: string, type: 'patch' | 'minor'): string {
  const [major, minor, patch] = v.split('.').map(Number)
  return type === 'patch' ? `${major}.${minor}.${patch + 1}` : `${major}.${minor + 1}.0`
}

describe('changeset version with the repo config', () => {
  it(
    'a responses patch bumps responses only, and gives it a CHANGELOG',
    () => {
      const scratch = makeScratch()
      const before = versions(scratch)
      const coreManifest = readFileSync(join(scratch.dir, scratch.folders.get(CORE)!, 'package.json'), 'utf8')

      version(scratch, { [RESPONSES]: 'patch' }, 'Fix a streaming edge case.')

      expect(versions(scratch)).toEqual({ ...before, [RESPONSES]: bump(before[RESPONSES], 'patch') })
      expect(readFileSync(join(scratch.dir, scratch.folders.get(CORE)!, 'package.json'), 'utf8')).toBe(
        coreManifest,
      )
      expect(changelogs(scratch)).toEqual([RESPONSES])
      expect(changelog(scratch, RESPONSES)).toBe(
        `# ${RESPONSES}\n\n## ${bump(before[RESPONSES], 'patch')}\n\n### Patch Changes\n\n- Fix a streaming edge case.\n`,
      )
    },
    TIMEOUT,
  )

  it(
    'once on 1.x, a core minor bumps core only: no majors (or any bump) forced on its peer dependents',
    () => {
      const scratch = makeScratch('1.0.0')
      const before = versions(scratch)
      const dependents = coreDependents(scratch)
      expect(dependents).toContain(RESPONSES)

      version(scratch, { [CORE]: 'minor' }, 'Add a request hook.')

      expect(versions(scratch)).toEqual({ ...before, [CORE]: '1.1.0' })
      for (const name of dependents) {
        // `workspace:^` stays as written; pnpm publish turns it into ^<core version> at pack time.
        expect(manifests(scratch).get(name)!.peerDependencies![CORE]).toBe('workspace:^')
      }
      expect(changelogs(scratch)).toEqual([CORE])
      expect(changelog(scratch, CORE)).toBe(
        `# ${CORE}\n\n## 1.1.0\n\n### Minor Changes\n\n- Add a request hook.\n`,
      )
    },
    TIMEOUT,
  )

  it(
    'while core is 0.x, a core patch bumps core only',
    () => {
      const scratch = makeScratch()
      const before = versions(scratch)

      version(scratch, { [CORE]: 'patch' }, 'Retry on 409 as the official SDK does.')

      expect(versions(scratch)).toEqual({ ...before, [CORE]: bump(before[CORE], 'patch') })
      expect(changelogs(scratch)).toEqual([CORE])
    },
    TIMEOUT,
  )

  // The 0.x trap, pinned down so nobody is surprised by it: ^0.1.0 does not admit 0.2.0, so a core minor leaves
  // every peer range and changesets makes each dependent major (0.1.0 -> 1.0.0). Until 1.0, ship additive core
  // changes as patches, or widen the ranges. When core reaches 1.x this case no longer applies.
  const coreVersion: string = JSON.parse(
    readFileSync(join(repo, 'packages', 'core', 'package.json'), 'utf8'),
  ).version
  it.runIf(coreVersion.startsWith('0.'))(
    'while core is 0.x, a core minor leaves ^0.x and makes every peer dependent major (known trap)',
    () => {
      const scratch = makeScratch()
      const before = versions(scratch)
      const dependents = coreDependents(scratch)

      version(scratch, { [CORE]: 'minor' }, 'Add a request hook.')

      const expected: Record<string, string> = { ...before, [CORE]: bump(before[CORE], 'minor') }
      for (const name of dependents) expected[name] = `${Number(before[name].split('.')[0]) + 1}.0.0`
      expect(versions(scratch)).toEqual(expected)
      expect(changelogs(scratch)).toEqual([CORE, ...dependents].sort())
      expect(changelog(scratch, RESPONSES)).toContain(`- ${CORE}@${bump(before[CORE], 'minor')}`)
    },
    TIMEOUT,
  )
})
