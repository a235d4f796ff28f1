// Cold start: a fresh process that imports the client, makes one call to the mock server and exits, timed from
// spawn to exit, next to an empty process of the same runtime (`node -e ''`; `bun -e ';'`, as Bun prints its
// help for an empty script) and an empty module file. Node, and Bun when its binary is installed (the `bun`
// devDependency).
//
//   node bench/cold-start.mjs            15 runs per contender, median
//   node bench/cold-start.mjs --quick    2 runs: only checks that everything still works
//
// "over empty" is the median minus the empty process's median: what the script adds to a process's start (the
// design budget is for "import + client"); "over floor" is what a client adds to the same first call made with a
// bare fetch (cold-start-fetch.mjs), which pays for the runtime's own lazy fetch set-up too.
// "import ms" and "first call ms" are the split each script measures itself (performance.now()).
// Runs are interleaved (empty, ours, official, empty, ...) so drift in machine load hits all of them alike.

import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startMockProcess } from './mock-process.mjs'
import { median, printTable, round } from './stats.mjs'

const quick = process.argv.includes('--quick')
const RUNS = quick ? 2 : 15
const here = dirname(fileURLToPath(import.meta.url))

function bunBinary() {
  try {
    const pkg = createRequire(import.meta.url).resolve('bun/package.json')
    const bin = join(dirname(pkg), 'bin', 'bun.exe')
    return existsSync(bin) ? bin : undefined
  } catch {
    return undefined
  }
}

const runtimes = [{ name: 'node', bin: process.execPath, version: process.versions.node, empty: '' }]
const bun = bunBinary()
if (bun) {
  const version = spawnSync(bun, ['--version'], { encoding: 'utf8' }).stdout.trim()
  runtimes.push({ name: 'bun', bin: bun, version, empty: ';' })
}

/** The empty process comes first: "over empty" is measured against it. */
const contendersFor = (runtime) => [
  { name: `empty process (-e '${runtime.empty}')`, args: ['-e', runtime.empty] },
  { name: 'empty module file', args: [join(here, 'cold-start-empty.mjs')] },
  { name: 'bare fetch (floor)', args: [join(here, 'cold-start-fetch.mjs'), mock.baseURL] },
  { name: 'ours: import + client', args: [join(here, 'cold-start-ours.mjs'), '--import-only'] },
  { name: 'openai: import + client', args: [join(here, 'cold-start-official.mjs'), '--import-only'] },
  { name: 'ours: + first call', args: [join(here, 'cold-start-ours.mjs')] },
  { name: 'openai: + first call', args: [join(here, 'cold-start-official.mjs')] },
]

const mock = await startMockProcess()
const env = { ...process.env, OPENAI_API_KEY: 'sk-bench', OPENAI_BASE_URL: mock.baseURL, OPENAI_LOG: 'off' }

/** Spawns one process and returns its wall time, plus the split it printed (if any). */
function runOnce(bin, args) {
  const t0 = performance.now()
  const r = spawnSync(bin, args, { env, encoding: 'utf8', timeout: 30_000 })
  const wallMs = performance.now() - t0
  if (r.status !== 0) throw new Error(`${bin} ${args.join(' ')} exited with ${r.status}: ${r.stderr}`)
  const line = r.stdout.trim().split('\n').at(-1)
  return { wallMs, split: line ? JSON.parse(line) : undefined }
}

const report = []
try {
  for (const runtime of runtimes) {
    const contenders = contendersFor(runtime)
    const samples = contenders.map(() => ({ wall: [], import: [], call: [] }))
    for (const c of contenders) runOnce(runtime.bin, c.args) // warm the file cache
    for (let run = 0; run < RUNS; run++) {
      contenders.forEach((c, i) => {
        const { wallMs, split } = runOnce(runtime.bin, c.args)
        samples[i].wall.push(wallMs)
        if (split) {
          samples[i].import.push(split.importMs)
          samples[i].call.push(split.callMs)
        }
      })
    }
    const empty = median(samples[0].wall)
    const rows = contenders.map((c, i) => ({
      name: c.name,
      wallMs: round(median(samples[i].wall)),
      overEmptyMs: round(median(samples[i].wall) - empty),
      importMs: samples[i].import.length ? round(median(samples[i].import)) : null,
      firstCallMs: samples[i].call.length ? round(median(samples[i].call)) : null,
    }))
    const floor = rows.find((r) => r.name.startsWith('bare fetch'))
    for (const r of rows) {
      r.overFloorMs = round(r.wallMs - floor.wallMs)
      r.floorRatio = round(r.wallMs / floor.wallMs, 2)
    }
    report.push({ runtime: runtime.name, version: runtime.version, rows })
    console.log(`\n${runtime.name} ${runtime.version}: spawn to exit, median of ${RUNS} runs`)
    printTable(
      [
        'process',
        'wall ms',
        'over empty ms',
        'over floor ms',
        'x floor',
        'import+client ms',
        'first call ms',
      ],
      rows.map((r) => [
        r.name,
        r.wallMs,
        r.overEmptyMs,
        r.overFloorMs,
        `${r.floorRatio}x`,
        r.importMs ?? '-',
        r.firstCallMs ?? '-',
      ]),
    )
  }
} finally {
  mock.close()
}
console.log(
  JSON.stringify({ bench: 'cold-start', quick, runs: RUNS, target: 'ours over empty <= 15 ms', report }),
)
