// Turns one README's runnable blocks into one Node program and runs it against the mock server: the blocks run in
// order, each in its own try block, and the program reports each block's outcome on stdout. A block may leave out
// the imports of its own package and of core (a README shows them once); `client` is `createClient()`, which reads
// OPENAI_BASE_URL and OPENAI_API_KEY, set to the mock.
import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { build, transform } from 'esbuild'
import { acmeSourceOf, acmeSources } from '../support/acme-sources'
import { declaredNames, hoistable, type ReadmeBlock, repoRoot, splitImports } from './extract-blocks'

/** What happened to one block. */
export interface BlockOutcome {
  id: string
  status: 'ok' | 'fail'
  error?: string
}

const REPORT = 'README-BLOCK '
const JSONL =
  '{"custom_id":"r1","method":"POST","url":"/v1/responses","body":{"model":"gpt-5.4","input":"Hi"}}\n'
/** Files in the examples' working folder (a README may name these paths). */
const WORKING_FILES: Record<string, string> = {
  'input.jsonl': JSONL,
  'train.jsonl': JSONL,
  'big.jsonl': JSONL.repeat(64),
}

/** One block that takes longer than this ends its README's program (the rest are reported as not run). */
const BLOCK_TIMEOUT_MS = 20_000

// Bundled CommonJS dependencies (ws) call require() for Node built-ins; ESM output needs a real `require` for that.
const requireBanner =
  "import { createRequire as __readmeCreateRequire } from 'node:module'\n" +
  'const require = __readmeCreateRequire(import.meta.url)\n'

/**
 * A block that shows both SDKs (the migration guide: `// openai-node` code, then `// @acme/openai` code) runs only
 * the part after the line that starts with `// @acme/openai`.
 */
export function ourPart(code: string): string {
  const lines = code.split('\n')
  const at = lines.findIndex((l) => /^\/\/ @acme\/openai\b/.test(l.trim()))
  return at === -1 ? code : lines.slice(at + 1).join('\n')
}

/** The first lines of an error, without our program's frames. */
const short = (error: string) => error.split('\n').slice(0, 3).join(' | ').slice(0, 400)

/** The bare specifiers among `specs` that do not resolve from the repo (a package the repo does not install). */
export async function unresolvable(specs: readonly string[]): Promise<Set<string>> {
  const missing = new Set<string>()
  const bare = [...new Set(specs)].filter((s) => !s.startsWith('.') && !s.startsWith('node:'))
  if (bare.length === 0) return missing
  await build({
    stdin: { contents: bare.map((s) => `import ${JSON.stringify(s)}`).join('\n'), resolveDir: repoRoot },
    bundle: true,
    write: false,
    platform: 'node',
    logLevel: 'silent',
    plugins: [
      {
        name: 'check-only',
        setup(b) {
          b.onResolve({ filter: /^[^.]/ }, async (args) => {
            if (args.pluginData === 'checking' || args.importer !== '<stdin>') return undefined
            if (args.path.startsWith('@acme/openai-'))
              return acmeSourceOf(args.path)
                ? { path: args.path, external: true }
                : { path: args.path, external: true, pluginData: missing.add(args.path) }
            const found = await b.resolve(args.path, {
              kind: args.kind,
              resolveDir: args.resolveDir,
              pluginData: 'checking',
            })
            if (found.errors.length) missing.add(args.path)
            return { path: args.path, external: true }
          })
        },
      },
    ],
  }).catch(() => undefined)
  return missing
}

/**
 * Builds the program of one README. `autoImports` maps a name to the module that exports it (core and the
 * README's own package); a block gets it when it uses the name without importing or declaring it.
 */
export async function buildProgram(
  blocks: readonly ReadmeBlock[],
  autoImports: ReadonlyMap<string, string>,
): Promise<{ source: string; outcomes: BlockOutcome[] }> {
  const outcomes: BlockOutcome[] = []
  const imports = new Map<string, { imported: string; from: string }>()
  const sideEffects = new Set<string>()
  const declared = new Set<string>()
  const parts: string[] = []
  const missing = await unresolvable(
    blocks.flatMap((b) => {
      const { bindings, sideEffects } = splitImports(ourPart(b.code))
      return [...bindings.filter((x) => !x.typeOnly).map((x) => x.from), ...sideEffects]
    }),
  )
  for (const block of blocks) {
    const { bindings, sideEffects: bare, body } = splitImports(ourPart(block.code))
    const absent = [...bindings.filter((b) => !b.typeOnly).map((b) => b.from), ...bare].filter((m) =>
      missing.has(m),
    )
    if (absent.length) {
      outcomes.push({
        id: block.id,
        status: 'fail',
        error: `imports ${[...new Set(absent)].join(', ')}, which this repo does not install: add it as a devDependency, or mark the block <!-- readme-test: typecheck|skip (why) -->`,
      })
      continue
    }
    try {
      await transform(body, { loader: 'ts', format: 'esm' })
    } catch (error) {
      outcomes.push({
        id: block.id,
        status: 'fail',
        error: `does not parse: ${short(String((error as Error).message))}`,
      })
      continue
    }
    if (/^export\s/m.test(body)) {
      outcomes.push({
        id: block.id,
        status: 'fail',
        error: 'has a top-level export (a module of its own): mark it <!-- readme-test: typecheck (why) -->',
      })
      continue
    }
    for (const b of bindings) if (!b.typeOnly && !imports.has(b.local)) imports.set(b.local, b)
    for (const name of bare) sideEffects.add(name)
    for (const name of declaredNames(body)) declared.add(name)
    parts.push(
      `__report(${JSON.stringify({ id: block.id, status: 'start' })})\ntry {\n${hoistable(body)}\n;__report(${JSON.stringify({ id: block.id, status: 'ok' })})\n} catch (__error) { __report({ id: ${JSON.stringify(block.id)}, status: 'fail', error: String(__error?.stack ?? __error) }) }`,
    )
  }
  const allBodies = parts.join('\n')
  for (const [name, from] of autoImports)
    if (!imports.has(name) && !declared.has(name) && new RegExp(`(?<![\\w.$])${name}\\b`).test(allBodies))
      imports.set(name, { imported: name, from })
  const byModule = new Map<string, string[]>()
  for (const [local, { imported, from }] of imports) {
    const list = byModule.get(from) ?? []
    byModule.set(from, list)
    list.push(imported === local ? local : imported === '*' ? `* as ${local}` : `${imported} as ${local}`)
  }
  const lines = [...sideEffects].map((m) => `import '${m}'`)
  for (const [from, names] of byModule) {
    const star = names.find((n) => n.startsWith('* as'))
    if (star) lines.push(`import ${star} from '${from}'`)
    const defaults = names.filter((n) => n.startsWith('default as '))
    for (const d of defaults) lines.push(`import ${d.slice('default as '.length)} from '${from}'`)
    const named = names.filter((n) => n !== star && !n.startsWith('default as '))
    if (named.length) lines.push(`import { ${named.join(', ')} } from '${from}'`)
  }
  lines.push(
    "import { createClient as __readmeCreateClient } from '@acme/openai-core'",
    // A leading newline: a block may have written a partial line (process.stdout.write) just before.
    'let __running',
    'let __timer',
    `const __report = (line) => { __running = line.status === 'start' ? line.id : undefined; clearTimeout(__timer); process.stdout.write('\\n${REPORT}' + JSON.stringify(line) + '\\n'); if (__running) __timer = setTimeout(() => { __report({ id: line.id, status: 'fail', error: 'still running after ${BLOCK_TIMEOUT_MS} ms (waiting on something the mock never sends?)' }); process.exit(1) }, ${BLOCK_TIMEOUT_MS}) }`,
    // A promise a block left unawaited that rejects later is that block's failure, not the end of the program.
    "process.on('unhandledRejection', (e) => __report({ id: __running ?? 'after the last block', status: 'fail', error: String(e?.stack ?? e) }))",
    'var client = __readmeCreateClient()',
    allBodies,
    // Servers or sockets a block left open must not keep the program (and the test) waiting.
    'process.exit(0)',
  )
  return { source: lines.join('\n'), outcomes }
}

/**
 * Bundles and runs a README's program with OPENAI_BASE_URL/OPENAI_API_KEY set; a block still running after
 * `timeoutMs` (all blocks together) is reported as not finishing.
 */
export async function runProgram(
  name: string,
  source: string,
  env: Record<string, string>,
  timeoutMs: number,
): Promise<BlockOutcome[]> {
  // A folder per README: programs run in parallel and write files of their own (out.jsonl...).
  const dir = join(repoRoot, '.tmp', 'readme-examples', name.replace(/[^\w.-]+/g, '_'))
  mkdirSync(dir, { recursive: true })
  // The files the examples name, as a reader would have them in their folder.
  for (const [name, text] of Object.entries(WORKING_FILES)) writeFileSync(join(dir, name), text)
  const file = join(dir, 'program.mjs')
  // The program before bundling, kept for a reader of a failure (line numbers in esbuild's errors are its lines).
  writeFileSync(`${file}.src.ts`, source)
  try {
    await build({
      stdin: { contents: source, resolveDir: repoRoot, loader: 'ts', sourcefile: name },
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outfile: file,
      plugins: [acmeSources()],
      // ws requires these optional native add-ons inside try/catch.
      external: ['bufferutil', 'utf-8-validate'],
      banner: { js: requireBanner },
      logLevel: 'silent',
    })
  } catch (error) {
    return [
      { id: name, status: 'fail', error: `does not bundle: ${short(String((error as Error).message))}` },
    ]
  }
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (err += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('close', (code) => {
      clearTimeout(timer)
      const outcomes: BlockOutcome[] = []
      let running: string | undefined
      for (const line of out.split('\n')) {
        if (!line.startsWith(REPORT)) continue
        const report = JSON.parse(line.slice(REPORT.length))
        if (report.status === 'start') running = report.id
        else {
          running = undefined
          outcomes.push({ id: report.id, status: report.status, error: report.error && short(report.error) })
        }
      }
      if (running)
        outcomes.push({
          id: running,
          status: 'fail',
          error: `did not finish (program ${code === null ? `killed after ${timeoutMs} ms` : `exited ${code}`}): ${short(err)}`,
        })
      resolve(outcomes)
    })
  })
}
