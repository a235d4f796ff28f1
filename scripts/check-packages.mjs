// Packaging gate: packs every publishable workspace package the way `pnpm publish` would, then checks the
// tarball (not the folder) with publint --strict, @arethetypeswrong/cli (node10, node16 CJS + ESM, bundler) and our
// own field rules, prints a size table, and installs each package alone from a loopback registry to show what a
// user really gets. Exits 1 on any problem.
//
// Usage: node scripts/check-packages.mjs [--no-build] [--json] [short-name ...]   (e.g. `core responses`)
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { publint } from 'publint'
import { formatMessage } from 'publint/utils'
import { checkFirstInstall } from './check-first-install.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const only = args.filter((a) => !a.startsWith('--'))
const RESOLUTION_KINDS = ['node10', 'node16-cjs', 'node16-esm', 'bundler']
const JS_FILE = /\.(c|m)?js$/
const DEPENDENCY_FIELDS = ['dependencies', 'peerDependencies', 'optionalDependencies']
// The only npm packages a user's install may pull in besides our own: ws for the mock server, isomorphic-ws + ws for
// realtime's Node entry. Anything else must be added here on purpose.
const ALLOWED_EXTERNAL = {
  '@acme/openai-mock': ['ws'],
  '@acme/openai-realtime': ['isomorphic-ws', 'ws'],
  // The OpenTelemetry API is the otel package's peer: npm installs it, and every app that exports telemetry has it.
  '@acme/openai-otel': ['@opentelemetry/api'],
}

/** Runs a command without a shell; resolves with its output and exit code, never rejects on a non-zero exit. */
function run(command, commandArgs, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { ...options, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/** Maps over items with at most `limit` tasks at a time (the machine has 2 cores; attw is CPU-bound). */
async function mapLimit(items, limit, task) {
  const results = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await task(items[i])
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

/**
 * Every non-private package under packages/, in folder order; with names on the command line, those plus the
 * workspace packages they pull in (the install check needs their tarballs too).
 */
function listPackages() {
  const dirs = readdirSync(join(root, 'packages')).filter((d) => {
    try {
      return statSync(join(root, 'packages', d, 'package.json')).isFile()
    } catch {
      return false
    }
  })
  const all = dirs
    .map((dir) => ({
      dir,
      manifest: JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')),
    }))
    .filter((p) => !p.manifest.private)
  if (only.length === 0) return all
  const byName = new Map(all.map((p) => [p.manifest.name, p]))
  const picked = new Set(all.filter((p) => only.includes(p.dir) || only.includes(p.manifest.name)))
  for (const p of picked) {
    for (const field of DEPENDENCY_FIELDS) {
      for (const name of Object.keys(p.manifest[field] ?? {}))
        if (byName.has(name)) picked.add(byName.get(name))
    }
  }
  return all.filter((p) => picked.has(p))
}

/** Reads a .tgz into { path -> bytes } (paths without the leading `package/`); ustar prefixes, pax and GNU long names. */
export function readTarball(bytes) {
  const tar = gunzipSync(bytes)
  const files = new Map()
  let paxPath
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const header = tar.subarray(offset, offset + 512)
    if (header.every((b) => b === 0)) break
    const text = (start, length) =>
      header
        .subarray(start, start + length)
        .toString('utf8')
        .replace(/\0.*$/s, '')
    const size = Number.parseInt(text(124, 12).trim() || '0', 8)
    const type = text(156, 1)
    const body = tar.subarray(offset + 512, offset + 512 + size)
    if (type === 'x') {
      paxPath = /\d+ path=([^\n]*)\n/.exec(body.toString('utf8'))?.[1]
    } else if (type === 'L') {
      paxPath = body.toString('utf8').replace(/\0.*$/s, '')
    } else {
      const prefix = text(345, 155)
      const name = paxPath ?? (prefix ? `${prefix}/${text(0, 100)}` : text(0, 100))
      paxPath = undefined
      if (type === '0' || type === '') files.set(name.replace(/^[^/]+\//, ''), Buffer.from(body))
    }
    offset += 512 + Math.ceil(size / 512) * 512
  }
  return files
}

/** `pnpm pack` rewrites `workspace:` ranges, so the tarball is what `pnpm publish` would upload. */
async function pack(pkg, outDir) {
  const res = await run('pnpm', ['pack', '--pack-destination', outDir, '--json'], {
    cwd: join(root, 'packages', pkg.dir),
  })
  if (res.code !== 0) throw new Error(`pnpm pack failed: ${res.stderr.trim() || res.stdout.trim()}`)
  const { filename } = JSON.parse(res.stdout.slice(res.stdout.indexOf('{')))
  return filename
}

async function runPublint(tarball) {
  const buffer = readFileSync(tarball)
  const { messages, pkg } = await publint({
    pack: { tarball: buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) },
    strict: true,
    level: 'suggestion',
  })
  return messages.map((m) => `publint ${m.type}: ${formatMessage(m, pkg, { color: false }) ?? m.code}`)
}

/** attw on the tarball itself (its `--pack` would run `npm pack`, which keeps `workspace:` ranges). */
async function runAttw(tarball) {
  const bin = join(root, 'node_modules', '.bin', 'attw')
  const res = await run(bin, [tarball, '--format', 'json', '--no-definitely-typed', '--profile', 'strict'])
  let analysis
  try {
    analysis = JSON.parse(res.stdout).analysis
  } catch {
    return [`attw did not run (exit ${res.code}): ${(res.stderr || res.stdout).trim().split('\n')[0]}`]
  }
  const problems = []
  if (analysis.types?.kind !== 'included')
    problems.push(`attw: types are not included (${analysis.types?.kind})`)
  for (const p of analysis.problems ?? []) {
    const where = [p.entrypoint, p.resolutionKind, p.fileName].filter(Boolean).join(' ')
    problems.push(`attw ${p.kind}${where ? ` (${where})` : ''}`)
  }
  // The strict profile covers all four resolution kinds; fail loudly if a future attw stops reporting one.
  for (const [subpath, entry] of Object.entries(analysis.entrypoints ?? {})) {
    for (const kind of RESOLUTION_KINDS) {
      if (!entry.resolutions?.[kind]) problems.push(`attw did not analyse ${subpath} for ${kind}`)
    }
  }
  if (res.code !== 0 && problems.length === 0) problems.push(`attw exited ${res.code}`)
  return problems
}

/** Walks an `exports` tree; every object that maps a condition to a JS file must also carry `types`, first. */
export function checkExports(exportsField, files) {
  const problems = []
  const visit = (node, where) => {
    if (typeof node === 'string') {
      if (!files.has(node.replace(/^\.\//, '')))
        problems.push(`exports ${where} -> ${node} is not in the tarball`)
      return
    }
    if (node === null || typeof node !== 'object' || Array.isArray(node)) {
      problems.push(`exports ${where} must be a path or a conditions object`)
      return
    }
    const keys = Object.keys(node)
    const pointsAtJs = keys.some((k) => k !== 'types' && typeof node[k] === 'string' && JS_FILE.test(node[k]))
    if (pointsAtJs && !keys.includes('types')) problems.push(`exports ${where} has no "types" condition`)
    if (keys.includes('types') && keys[0] !== 'types')
      problems.push(`exports ${where}: "types" must come first`)
    if (typeof node.types === 'string' && !/\.d\.(c|m)?ts$/.test(node.types)) {
      problems.push(`exports ${where}.types -> ${node.types} is not a declaration file`)
    }
    for (const k of keys) visit(node[k], where ? `${where}.${k}` : k)
  }
  if (!exportsField || typeof exportsField !== 'object' || !exportsField['.']) {
    return ['package.json needs an "exports" object with a "." entry']
  }
  for (const [subpath, target] of Object.entries(exportsField)) {
    if (subpath === './package.json') continue
    visit(target, `["${subpath}"]`)
  }
  return problems
}

let rootLicenseText
function rootLicense() {
  rootLicenseText ??= readFileSync(join(root, 'LICENSE'), 'utf8')
  return rootLicenseText
}

/** Field rules, checked on the packed manifest (what users download). */
export function checkFields(pkg, manifest, files) {
  const problems = checkExports(manifest.exports, files)
  if (!Array.isArray(manifest.files) || manifest.files.length === 0)
    problems.push('"files" must list what to publish')
  if (typeof manifest.engines?.node !== 'string' || !manifest.engines.node.trim()) {
    problems.push('"engines.node" is missing')
  }
  if (manifest.sideEffects !== false) problems.push('"sideEffects" must be false')
  if (typeof manifest.license !== 'string' || !manifest.license.trim()) problems.push('"license" is missing')
  const repo = manifest.repository
  if (!repo || (typeof repo === 'object' && !repo.url)) problems.push('"repository" with a url is missing')
  if (typeof repo === 'object' && repo.directory !== `packages/${pkg.dir}`) {
    problems.push(`"repository.directory" should be "packages/${pkg.dir}"`)
  }
  if (!(files.get('README.md')?.length > 0)) problems.push('README.md is missing from the tarball')
  // Each package carries its own copy of the root LICENSE (npm shows it per package); the copies must not drift.
  const license = files.get('LICENSE')
  if (!license) problems.push('LICENSE is missing from the tarball')
  else if (rootLicense() !== Buffer.from(license).toString('utf8'))
    problems.push('LICENSE differs from the root LICENSE: copy it again')
  for (const field of ['main', 'module', 'types']) {
    const target = manifest[field]
    if (target && !files.has(target.replace(/^\.\//, '')))
      problems.push(`"${field}" -> ${target} is not in the tarball`)
  }
  const bins = typeof manifest.bin === 'string' ? { [manifest.name]: manifest.bin } : (manifest.bin ?? {})
  for (const [name, target] of Object.entries(bins)) {
    if (!files.has(target.replace(/^\.\//, '')))
      problems.push(`bin ${name} -> ${target} is not in the tarball`)
  }
  for (const field of [...DEPENDENCY_FIELDS, 'devDependencies']) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      if (String(range).startsWith('workspace:'))
        problems.push(`${field}.${name} still says ${range} after packing`)
    }
  }
  return problems
}

async function checkPackage(pkg, outDir) {
  const result = {
    name: pkg.manifest.name,
    dir: pkg.dir,
    version: pkg.manifest.version,
    problems: [],
    notes: [],
  }
  try {
    result.tarball = await pack(pkg, outDir)
    const bytes = readFileSync(result.tarball)
    const files = readTarball(bytes)
    result.manifest = JSON.parse(files.get('package.json').toString('utf8'))
    result.packedBytes = bytes.length
    result.unpackedBytes = [...files.values()].reduce((n, b) => n + b.length, 0)
    result.fileCount = files.size
    const [publintMessages, attwProblems] = await Promise.all([
      runPublint(result.tarball),
      runAttw(result.tarball),
    ])
    result.publint = publintMessages
    result.attw = attwProblems
    result.fields = checkFields(pkg, result.manifest, files)
    // Suggestions are shown but do not fail the gate; strict mode already turned warnings into errors.
    result.notes.push(...publintMessages.filter((m) => m.startsWith('publint suggestion')))
    result.problems.push(...publintMessages.filter((m) => !m.startsWith('publint suggestion')))
    result.problems.push(...attwProblems, ...result.fields)
  } catch (error) {
    result.problems.push(`could not check: ${error.message}`)
  }
  return result
}

/** A read-only npm registry on 127.0.0.1 that knows only our tarballs; any other name is a 404, so npm fails. */
export async function startLocalRegistry(packed) {
  const byName = new Map(packed.map((p) => [p.manifest.name, p]))
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1')
    const tarballName = url.pathname.startsWith('/-/tarballs/')
      ? url.pathname.slice('/-/tarballs/'.length)
      : undefined
    if (tarballName) {
      const p = packed.find((x) => x.tarball.endsWith(`/${decodeURIComponent(tarballName)}`))
      if (!p) return res.writeHead(404).end()
      return res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(readFileSync(p.tarball))
    }
    const name = decodeURIComponent(url.pathname.slice(1))
    const p = byName.get(name)
    if (!p) {
      return res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}')
    }
    const bytes = readFileSync(p.tarball)
    const version = p.manifest.version
    const body = {
      name,
      'dist-tags': { latest: version },
      versions: {
        [version]: {
          ...p.manifest,
          _id: `${name}@${version}`,
          dist: {
            tarball: `http://127.0.0.1:${server.address().port}/-/tarballs/${encodeURIComponent(p.tarball.split('/').pop())}`,
            integrity: `sha512-${createHash('sha512').update(bytes).digest('base64')}`,
            shasum: createHash('sha1').update(bytes).digest('hex'),
          },
        },
      },
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body))
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() }
}

/** Names a package pulls in by itself: dependencies and non-optional peers (npm 7+ installs those), transitively. */
export function expectedInstall(name, byName) {
  const seen = new Set()
  const external = new Set()
  const visit = (n) => {
    if (seen.has(n)) return
    const p = byName.get(n)
    if (!p) return external.add(n)
    seen.add(n)
    const m = p.manifest
    const optionalPeers = new Set(
      Object.keys(m.peerDependenciesMeta ?? {}).filter((k) => m.peerDependenciesMeta[k].optional),
    )
    for (const dep of Object.keys(m.dependencies ?? {})) visit(dep)
    for (const dep of Object.keys(m.peerDependencies ?? {})) if (!optionalPeers.has(dep)) visit(dep)
  }
  visit(name)
  return { names: [...seen].sort(), external: [...external].sort() }
}

/** Every package folder under node_modules (scoped too), with its version and bytes on disk. */
function listInstalled(nodeModules) {
  const found = []
  const size = (path) => {
    const s = statSync(path)
    if (!s.isDirectory()) return s.size
    return readdirSync(path).reduce((n, entry) => n + size(join(path, entry)), 0)
  }
  const visitDir = (dir) => {
    for (const entry of readdirSync(dir)) {
      if (entry.startsWith('.')) continue
      const path = join(dir, entry)
      if (entry.startsWith('@')) {
        visitDir(path)
        continue
      }
      const manifest = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8'))
      found.push({ name: manifest.name, version: manifest.version, bytes: size(path) })
      try {
        if (statSync(join(path, 'node_modules')).isDirectory()) visitDir(join(path, 'node_modules'))
      } catch {}
    }
  }
  visitDir(nodeModules)
  return found.sort((a, b) => a.name.localeCompare(b.name))
}

/** `npm install <name>` into an empty project against the loopback registry, with no user npm config or cache. */
async function installAlone(name, registry, workDir) {
  const project = join(workDir, `install-${name.replace(/[@/]/g, '_')}`)
  mkdirSync(project, { recursive: true })
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'install-check', private: true }))
  writeFileSync(join(project, '.npmrc'), '')
  const res = await run(
    'npm',
    [
      'install',
      name,
      `--registry=${registry}`,
      `--cache=${join(workDir, 'npm-cache')}`,
      `--userconfig=${join(project, '.npmrc')}`,
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      '--no-update-notifier',
      '--loglevel=error',
    ],
    {
      cwd: project,
      env: { ...process.env, npm_config_proxy: '', npm_config_https_proxy: '', npm_config_noproxy: '*' },
    },
  )
  if (res.code !== 0)
    throw new Error(`npm install ${name} failed: ${res.stderr.trim().split('\n').slice(-3).join(' ')}`)
  return listInstalled(join(project, 'node_modules'))
}

async function checkInstalls(results, workDir) {
  const packed = results.filter((r) => r.manifest && r.tarball)
  const byName = new Map(packed.map((p) => [p.manifest.name, p]))
  const registry = await startLocalRegistry(packed)
  const installs = []
  try {
    for (const p of packed) {
      const expected = expectedInstall(p.manifest.name, byName)
      const row = { name: p.manifest.name, expected: expected.names, problems: [] }
      installs.push(row)
      const unexpected = expected.external.filter(
        (n) => !(ALLOWED_EXTERNAL[p.manifest.name] ?? []).includes(n),
      )
      if (unexpected.length) {
        row.problems.push(`would also install ${unexpected.join(', ')} from npm (not in ALLOWED_EXTERNAL)`)
        continue
      }
      if (expected.external.length) {
        // Offline there is no npm to fetch them from; say so rather than pretend.
        row.skipped = `needs ${expected.external.join(', ')} from npm (offline)`
        continue
      }
      try {
        row.installed = await installAlone(p.manifest.name, registry.url, workDir)
        const got = row.installed.map((i) => i.name)
        const extra = got.filter((n) => !expected.names.includes(n))
        const missing = expected.names.filter((n) => !got.includes(n))
        if (extra.length)
          row.problems.push(`installing ${p.manifest.name} alone also pulls ${extra.join(', ')}`)
        if (missing.length)
          row.problems.push(`installing ${p.manifest.name} alone does not bring ${missing.join(', ')}`)
        row.bytes = row.installed.reduce((n, i) => n + i.bytes, 0)
      } catch (error) {
        row.problems.push(error.message)
      }
    }
  } finally {
    registry.close()
  }
  return installs
}

/** The README's install line and first example with npm, pnpm, yarn and bun (needs core and responses packed). */
async function checkFirstSteps(results, workDir) {
  const packed = results.filter((r) => r.manifest && r.tarball)
  const names = new Set(packed.map((p) => p.manifest.name))
  if (!names.has('@acme/openai-core') || !names.has('@acme/openai-responses')) return []
  const registry = await startLocalRegistry(packed)
  try {
    return await checkFirstInstall({ registry: registry.url, workDir })
  } finally {
    registry.close()
  }
}

function kb(bytes) {
  return bytes === undefined ? '-' : `${(bytes / 1024).toFixed(1)} kB`
}

function printTable(head, rows) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)))
  const line = (r) =>
    r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ')
  console.log(line(head))
  for (const r of rows) console.log(line(r))
}

async function main() {
  const buildFailures = new Set()
  if (!args.includes('--no-build')) {
    console.log('building (turbo, cached) ...')
    // --continue: one package that does not build must not hide the results of the others.
    const build = await run(
      'pnpm',
      ['exec', 'turbo', 'run', 'build', '--continue', '--output-logs=errors-only'],
      {
        cwd: root,
      },
    )
    if (build.code !== 0) {
      const failedLine = /Failed:\s+(.*)/.exec(build.stdout + build.stderr)?.[1] ?? ''
      for (const m of failedLine.matchAll(/(@[\w.-]+\/[\w.-]+)#build/g)) buildFailures.add(m[1])
      console.error(build.stdout + build.stderr)
      if (buildFailures.size === 0) {
        console.error('build failed; packaging checks need dist/')
        process.exit(1)
      }
    }
  }
  const packages = listPackages()
  if (packages.length === 0) {
    console.error(`no package matches ${only.join(' ')}`)
    process.exit(1)
  }
  const workDir = mkdtempSync(join(tmpdir(), 'acme-packages-'))
  try {
    const outDir = join(workDir, 'tarballs')
    mkdirSync(outDir)
    const results = await mapLimit(packages, 2, (pkg) => checkPackage(pkg, outDir))
    for (const r of results)
      if (buildFailures.has(r.name)) r.problems.unshift('does not build (see the turbo output above)')
    const installs = await checkInstalls(results, workDir)
    const firstInstall = await checkFirstSteps(results, workDir)

    console.log('\nPackages (pnpm pack output; publint --strict; attw node10, node16 CJS/ESM, bundler)\n')
    printTable(
      ['package', 'version', 'tarball', 'unpacked', 'files', 'publint', 'attw', 'fields', 'result'],
      results.map((r) => [
        r.name,
        r.version,
        kb(r.packedBytes),
        kb(r.unpackedBytes),
        r.fileCount ?? '-',
        r.publint ? (r.publint.some((m) => !m.startsWith('publint suggestion')) ? 'FAIL' : 'ok') : '-',
        r.attw ? (r.attw.length ? 'FAIL' : 'ok') : '-',
        r.fields ? (r.fields.length ? 'FAIL' : 'ok') : '-',
        r.problems.length ? `FAIL (${r.problems.length})` : 'ok',
      ]),
    )

    console.log('\nInstalling one package alone (npm, loopback registry with only these tarballs)\n')
    printTable(
      ['npm install', 'brings', 'on disk', 'result'],
      installs.map((i) => [
        i.name,
        i.installed ? i.installed.map((x) => `${x.name}@${x.version}`).join(' + ') : (i.skipped ?? '-'),
        kb(i.bytes),
        i.problems.length ? 'FAIL' : i.skipped ? 'skipped' : 'ok',
      ]),
    )

    if (firstInstall.length) {
      console.log(
        "\nThe root README's install line and first example, per package manager (fresh app, packed tarballs)\n",
      )
      printTable(
        ['manager', 'installed', 'example printed', 'result'],
        firstInstall.map((r) => [
          r.manager,
          r.installed ? r.installed.join(' + ') : '-',
          r.output ? JSON.stringify(r.output.slice(0, 40)) : '-',
          r.problems.length ? 'FAIL' : 'ok',
        ]),
      )
    }

    const notes = results.flatMap((r) => r.notes.map((n) => `${r.name}: ${n}`))
    if (notes.length) console.log(`\n${notes.join('\n')}`)
    const problems = [
      ...results.flatMap((r) => r.problems.map((p) => `${r.name}: ${p}`)),
      ...installs.flatMap((i) => i.problems.map((p) => `${i.name}: ${p}`)),
      ...firstInstall.flatMap((r) => r.problems.map((p) => `first steps with ${r.manager}: ${p}`)),
    ]
    if (args.includes('--json')) {
      const strip = ({ tarball, manifest, ...rest }) => ({
        ...rest,
        tarball: tarball && relative(workDir, tarball),
      })
      console.log(JSON.stringify({ packages: results.map(strip), installs }))
    }
    if (problems.length) {
      console.error(
        `\n${problems.length} packaging problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      )
      process.exitCode = 1
    } else {
      console.log(`\nall ${results.length} packages pass`)
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true })
  }
}

// Importable by tests without running the gate.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main()
