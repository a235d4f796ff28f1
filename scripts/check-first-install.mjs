// The root README's promise, checked the way a new user meets it: for npm, pnpm, yarn and bun, a fresh app in a
// temp folder runs the README's install line (against the loopback registry that knows only our tarballs), then
// the README's first example against the mock server. The install must bring our two packages and nothing else.
// Called by scripts/check-packages.mjs after it has packed everything and started the registry.
import { spawn } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => join(root, 'node_modules', '.bin', name)

/** The commands each package manager runs for `add <names>`, kept away from the user's config, cache and network. */
const MANAGERS = {
  npm: (names, registry, home) => [
    'npm',
    [
      'install',
      ...names,
      `--registry=${registry}`,
      `--cache=${join(home, 'npm-cache')}`,
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      '--no-update-notifier',
      '--loglevel=error',
    ],
  ],
  pnpm: (names, registry, home) => [
    'pnpm',
    [
      'add',
      ...names,
      `--registry=${registry}`,
      `--store-dir=${join(home, 'pnpm-store')}`,
      '--ignore-scripts',
    ],
  ],
  yarn: (names, registry, home) => [
    bin('yarn'),
    [
      'add',
      ...names,
      `--registry=${registry}`,
      `--cache-folder=${join(home, 'yarn-cache')}`,
      '--non-interactive',
      '--ignore-scripts',
      '--no-progress',
    ],
  ],
  bun: (names, registry) => [bin('bun'), ['add', ...names, `--registry=${registry}`, '--ignore-scripts']],
  // Yarn 4 (berry) with its default Plug'n'Play linker: no node_modules, `yarn node` runs the app. Its registry
  // and cache come from the app's .yarnrc.yml (written below); the age gate would quarantine our fresh versions.
  'yarn@4': (names) => [process.execPath, [YARN4, 'add', ...names]],
}
const YARN4 = join(root, 'node_modules', '@yarnpkg', 'cli-dist', 'bin', 'yarn.js')
/** The README line each manager runs (yarn 1 and yarn 4 share the yarn line). */
const README_LINE = { npm: 'npm', pnpm: 'pnpm', yarn: 'yarn', bun: 'bun', 'yarn@4': 'yarn' }

/** Yarn 4's settings for the app: our registry over plain http, caches inside the app, no telemetry. */
function yarn4Config(registry, home) {
  return [
    `npmRegistryServer: "${registry}"`,
    'unsafeHttpWhitelist:\n  - "127.0.0.1"',
    'enableTelemetry: false',
    'enableGlobalCache: false',
    `cacheFolder: "${join(home, 'yarn4-cache')}"`,
    'npmMinimalAgeGate: 0',
    '',
  ].join('\n')
}

/** Package names in a Yarn 4 lockfile (`"name@npm:range":` entries), for PnP installs that have no node_modules. */
export function yarnLockNames(text) {
  const names = new Set()
  for (const m of text.matchAll(/^"?((?:@[^@/\s"]+\/)?[^@\s"]+)@(?:npm|workspace):/gm))
    if (!m[0].includes('@workspace:')) names.add(m[1])
  return [...names].sort()
}

/**
 * The root README's `## Install` block: one `<manager> add|install <names...>` line per package manager, and the
 * first TypeScript example after the title. Exported for the tests.
 */
export function readmeFirstSteps(readme) {
  const install = /^## Install\n[\s\S]*?```sh\n([\s\S]*?)```/m.exec(readme)?.[1] ?? ''
  const lines = {}
  for (const line of install.split('\n')) {
    const m = /^(npm|pnpm|yarn|bun) (?:add|install|i) ((?:@acme\/openai-[\w-]+ ?)+)/.exec(line.trim())
    if (m) lines[m[1]] = m[2].trim().split(/\s+/)
  }
  const example = /```ts\n([\s\S]*?)```/.exec(readme)?.[1]
  return { lines, example }
}

/** Child env: the user's npm/pnpm settings and proxies out, a HOME of its own. */
function cleanEnv(home, extra = {}) {
  const env = {}
  for (const [k, v] of Object.entries(process.env))
    if (!/^(npm_|pnpm_|yarn_|bun_|OPENAI_)/i.test(k) && !/_proxy$/i.test(k)) env[k] = v
  return {
    ...env,
    HOME: home,
    COREPACK_ENABLE_STRICT: '0',
    XDG_CONFIG_HOME: join(home, '.config'),
    BUN_INSTALL_CACHE_DIR: join(home, 'bun-cache'),
    ...extra,
  }
}

function run(command, args, options) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    // Bounded: an install that hangs (a manager trying the network) fails the row instead of the gate.
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000)
    child.on('error', (error) => resolve({ code: -1, out: `${out}${error.message}` }))
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, out })
    })
  })
}

/** Every package name installed under node_modules, whatever the layout (hoisted, pnpm's .pnpm store, nested). */
export function installedNames(nodeModules) {
  const names = new Set()
  const visit = (dir, depth) => {
    let entries
    try {
      entries = readdirSync(dir)
    } catch {
      return
    }
    for (const entry of entries) {
      const path = join(dir, entry)
      if (entry === '.pnpm' && depth === 0) {
        for (const slot of readdirSync(path)) visit(join(path, slot, 'node_modules'), 1)
        continue
      }
      if (entry.startsWith('.')) continue
      if (entry.startsWith('@')) {
        for (const scoped of readdirSync(path)) addPackage(join(path, scoped), depth)
        continue
      }
      addPackage(path, depth)
    }
  }
  const addPackage = (path, depth) => {
    try {
      if (!statSync(path).isDirectory()) return
      names.add(JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')).name)
    } catch {
      return
    }
    if (depth < 4) visit(join(path, 'node_modules'), depth + 1)
  }
  visit(nodeModules, 0)
  return [...names].sort()
}

/**
 * Runs the README's first steps with each package manager. `registry` serves the packed tarballs; returns one row
 * per manager: { manager, installed, output, problems, skipped }.
 */
export async function checkFirstInstall({ registry, workDir, managers = Object.keys(MANAGERS) }) {
  const readme = readFileSync(join(root, 'README.md'), 'utf8')
  const { lines, example } = readmeFirstSteps(readme)
  const { startMockServer } = await import(
    pathToFileURL(join(root, 'packages/mock-server/dist/index.js')).href
  )
  const mock = await startMockServer()
  const rows = []
  try {
    for (const manager of managers) {
      const row = { manager, problems: [] }
      rows.push(row)
      const names = lines[README_LINE[manager]]
      if (!names) {
        row.problems.push(`the root README's "## Install" block has no ${README_LINE[manager]} line`)
        continue
      }
      if (!example) {
        row.problems.push('the root README has no ```ts example')
        continue
      }
      const app = join(workDir, `first-${manager}`)
      const home = join(app, '.home')
      mkdirSync(home, { recursive: true })
      writeFileSync(
        join(app, 'package.json'),
        JSON.stringify({ name: 'first-app', private: true, type: 'module' }),
      )
      writeFileSync(join(app, 'index.js'), example)
      if (manager === 'yarn@4') writeFileSync(join(app, '.yarnrc.yml'), yarn4Config(registry, home))
      const [command, args] = MANAGERS[manager](names, registry, home)
      const install = await run(command, args, { cwd: app, env: cleanEnv(home) })
      if (install.code !== 0) {
        row.problems.push(
          `${manager} add ${names.join(' ')} failed: ${install.out.trim().split('\n').slice(-3).join(' ')}`,
        )
        continue
      }
      row.installed =
        manager === 'yarn@4'
          ? yarnLockNames(readFileSync(join(app, 'yarn.lock'), 'utf8'))
          : installedNames(join(app, 'node_modules'))
      const extra = row.installed.filter((n) => !names.includes(n))
      const missing = names.filter((n) => !row.installed.includes(n))
      if (extra.length) row.problems.push(`${manager} also installed ${extra.join(', ')}`)
      if (missing.length) row.problems.push(`${manager} did not install ${missing.join(', ')}`)
      // The example as pasted, on the runtime that goes with the manager (bun runs it itself).
      const runtime =
        manager === 'bun'
          ? [bin('bun'), ['index.js']]
          : manager === 'yarn@4'
            ? [process.execPath, [YARN4, 'node', 'index.js']]
            : [process.execPath, ['index.js']]
      const env = cleanEnv(home, { OPENAI_BASE_URL: mock.baseURL, OPENAI_API_KEY: 'anything' })
      const ran = await run(runtime[0], runtime[1], { cwd: app, env })
      row.output = ran.out.trim()
      if (ran.code !== 0 || !row.output)
        row.problems.push(
          `the README's first example failed after ${manager}: ${row.output.split('\n').slice(0, 3).join(' ')}`,
        )
    }
  } finally {
    await mock.close()
  }
  return rows
}
