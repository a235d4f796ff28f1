// Prints the Markdown tables of BENCHMARKS.md from a run's summaries, so the report carries the numbers of a real
// run and not hand-copied ones.
//   node bench/report-tables.mjs [bench/.data/results.json]
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const file = process.argv[2] ?? fileURLToPath(new URL('.data/results.json', import.meta.url))
const run = JSON.parse(readFileSync(file, 'utf8'))
const of = (name) => run.results.find((r) => r.bench === name)
const x = (n) => (n == null || Number.isNaN(n) ? '–' : `${n.toFixed(2)}x`)
const kib = (bytes) => (bytes / 1024).toFixed(1)

function table(header, rows) {
  console.log(`| ${header.join(' | ')} |`)
  console.log(`| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`)
  for (const row of rows) console.log(`| ${row.join(' | ')} |`)
  console.log()
}

console.log(`Run of ${run.started}${run.quick ? ' (quick)' : ''}: ${JSON.stringify(run.machine)}\n`)

const bundles = of('bundle-size')
if (bundles) {
  console.log('### Bundle size (KiB, min + gzip -9)\n')
  table(
    ['what the bundle does', 'ours up front', 'ours all', 'official', 'ours/official'],
    bundles.rows.map((r) => [r.name, kib(r.oursUpFront), kib(r.oursAll), kib(r.official), x(r.ratio)]),
  )
  if (bundles.aiSdk) console.log(`Vercel AI SDK (${bundles.aiSdk.name}): ${kib(bundles.aiSdk.gzip)} KiB\n`)
}

const embeddings = of('embeddings-decode')
if (embeddings) {
  console.log(`### Embeddings base64 decode (${embeddings.vectors} vectors of ${embeddings.dimensions})\n`)
  table(
    ['case', 'µs/vector (best wall)', 'µs/vector (median CPU)'],
    embeddings.rows.map((r) => [r.case, r.usPerVector, r.cpuUsPerVector]),
  )
}

const sse = of('sse-decode')
if (sse) {
  console.log(
    `### SSE decode (${(sse.inputBytes / 1e6).toFixed(1)} MB, ${sse.events} events, best of ${sse.runs})\n`,
  )
  const modes = [...new Set(sse.results.map((r) => r.mode))]
  const get = (mode, decoder) => sse.results.find((r) => r.mode === mode && r.decoder === decoder)
  // The floor first, then every other decoder the run measured, in its order.
  const decoders = ['floor', ...new Set(sse.results.map((r) => r.decoder).filter((d) => d !== 'floor'))]
  table(
    ['chunking', ...decoders.map((d) => `${d} MB/s`), 'ours/floor', 'ours/official'],
    modes.map((mode) => [
      mode,
      ...decoders.map(
        (d) => `${get(mode, d).mbPerSecond} (${(get(mode, d).eventsPerSecond / 1e3).toFixed(0)}k ev/s)`,
      ),
      x(get(mode, 'floor').ms / get(mode, 'ours').ms),
      x(get(mode, 'official').ms / get(mode, 'ours').ms),
    ]),
  )
}

const overhead = of('request-overhead')
if (overhead) {
  console.log(`### Per-request overhead (${overhead.N} calls x ${overhead.rounds} rounds, median)\n`)
  table(
    ['client', 'sequential µs/req', 'x floor', '64 in flight µs/req', 'x floor'],
    overhead.rows.map((r) => [
      r.name,
      r.seqUs.toFixed(1),
      x(r.seqRatio),
      r.concUs.toFixed(1),
      x(r.concRatio),
    ]),
  )
}

const latency = of('stream-latency')
if (latency) {
  console.log(
    `### Streaming latency (${latency.events} events, ${latency.megabytes} MB, median of ${latency.runs})\n`,
  )
  table(
    ['client', 'first event ms', 'x floor', 'last event ms', 'x floor'],
    latency.rows.map((r) => [r.name, r.firstMs, x(r.firstRatio), r.lastMs, x(r.lastRatio)]),
  )
}

const cold = of('cold-start')
if (cold) {
  for (const rt of cold.report) {
    console.log(`### Cold start, ${rt.runtime} ${rt.version} (median of ${cold.runs})\n`)
    const emptyModule = rt.rows.find((r) => r.name === 'empty module file')
    const calls = (r) => r.name.startsWith('bare fetch') || r.name.includes('first call')
    table(
      [
        'process',
        'spawn to exit ms',
        'over empty process ms',
        'over empty module ms',
        'in process: import + client ms',
        'first call: x floor',
      ],
      rt.rows.map((r) => [
        r.name,
        r.wallMs,
        r.overEmptyMs,
        (r.wallMs - emptyModule.wallMs).toFixed(1),
        r.importMs ?? '–',
        calls(r) ? x(r.floorRatio) : '–',
      ]),
    )
  }
}

const memory = of('memory')
if (memory) {
  console.log('### Memory (MiB RSS of the client process)\n')
  const tasks = [...new Set(memory.rows.map((r) => r.task))]
  const get = (task, client) => memory.rows.find((r) => r.task === task && r.client === client)
  table(
    [
      'task',
      'floor peak (growth)',
      'ours peak (growth)',
      'official peak (growth)',
      'ours/floor',
      'official/floor',
    ],
    tasks.map((task) => [
      task,
      ...['floor', 'ours', 'official'].map((c) => `${get(task, c).peakMiB} (+${get(task, c).growthMiB})`),
      x(get(task, 'ours').floorRatio),
      x(get(task, 'official').floorRatio),
    ]),
  )
}
