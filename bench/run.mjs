// Runs every benchmark in turn, each in its own process, and keeps their JSON summaries in
// bench/.data/results.json (git-ignored) so BENCHMARKS.md can be checked against a real run.
//
//   node bench/run.mjs                    everything (a few minutes on 2 cores)
//   node bench/run.mjs --quick            tiny inputs: CI checks the benchmarks still run (no timing asserted)
//   node bench/run.mjs --only memory      one benchmark (file name without .mjs; repeatable)
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { fileURLToPath } from 'node:url'

const quick = process.argv.includes('--quick')
const only = process.argv.flatMap((arg, i, all) => (all[i - 1] === '--only' ? [arg] : []))
const benches = [
  'bundle-size.mjs',
  'sse-decode.mjs',
  'embeddings-decode.mjs',
  'request-overhead.mjs',
  'stream-latency.mjs',
  'cold-start.mjs',
  'memory.mjs',
].filter((file) => only.length === 0 || only.includes(file.replace(/\.mjs$/, '')))

/** Runs one benchmark file, echoing its output; resolves to its exit code and its JSON summary lines. */
function runBench(path) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', path, ...(quick ? ['--quick'] : [])], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.on('data', (d) => {
      process.stdout.write(d)
      out += d
    })
    child.on('close', (code) => {
      const summaries = out
        .split('\n')
        .filter((line) => line.startsWith('{"bench"'))
        .map((line) => JSON.parse(line))
      resolve({ code, summaries })
    })
  })
}

const started = new Date()
const results = []
let failed = 0
for (const file of benches) {
  const path = fileURLToPath(new URL(file, import.meta.url))
  if (!existsSync(path)) continue
  console.log(`\n== ${file}${quick ? ' (quick)' : ''}`)
  const t0 = performance.now()
  const { code, summaries } = await runBench(path)
  console.log(
    `(${file}: ${((performance.now() - t0) / 1000).toFixed(1)} s${code === 0 ? '' : `, FAILED with ${code}`})`,
  )
  if (code !== 0) failed++
  results.push(...summaries)
}

const dataDir = fileURLToPath(new URL('.data/', import.meta.url))
mkdirSync(dataDir, { recursive: true })
const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model,
  memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
  node: process.version,
}
const name = ['results', ...(quick ? ['quick'] : []), ...only].join('-')
writeFileSync(
  `${dataDir}${name}.json`,
  `${JSON.stringify({ started: started.toISOString(), quick, machine, failed, results }, null, 2)}\n`,
)
console.log(`\n${benches.length - failed} benchmarks ran, ${failed} failed`)
process.exit(failed ? 1 : 0)
