// Base64 embedding decode: ours (pure JavaScript, no Buffer) against the official SDK's decoder, on the same
// vectors, in the same process, interleaved so machine noise hits both alike.
//
//   node bench/embeddings-decode.mjs            2000 vectors of 1536 floats, best of 7 after 2 warm-ups
//   node bench/embeddings-decode.mjs --quick    100 vectors, 1 run: only checks that everything still works
//
// Needs the built packages (`pnpm exec turbo run build --filter=@acme/openai-embeddings...`).
// Rows:
// - "numbers": what `createEmbedding` hands back by default (a number[] per vector). Ours: decodeEmbedding, then
//   the vector copied into an array, through the real createEmbedding on a stubbed fetch; official:
//   `client.embeddings.create` on the same stub. Both parse the same JSON body, so the difference is the decode.
// - "decode only": ours `decodeEmbedding` (a Float32Array view) against the official `toFloat32Array` (number[]),
//   with and without `Buffer` (the browser/worker path, which uses atob).
// CPU time is reported next to wall time: steadier when other work shares the machine.

import { createRequire } from 'node:module'
import v8 from 'node:v8'
import { runInNewContext } from 'node:vm'
import OpenAI from 'openai'
import { createClient } from '../packages/core/dist/index.js'
import { createEmbedding, decodeEmbedding } from '../packages/embeddings/dist/index.js'
import { median, printTable, round } from './stats.mjs'

v8.setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc')
const require = createRequire(import.meta.url)
// The official decoder is internal to the package (not in its exports map): load it by file.
const { toFloat32Array } = require(
  require.resolve('openai').replace(/index\.js$/, 'internal/utils/base64.js'),
)

const quick = process.argv.includes('--quick')
const VECTORS = quick ? 100 : 2000
const DIMENSIONS = 1536
const PER_RESPONSE = 100
const RUNS = quick ? 1 : 7
const WARMUPS = quick ? 0 : 2

let seed = 7
const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32) * 2 - 1
const vectors = Array.from({ length: VECTORS }, () => {
  const values = new Float32Array(DIMENSIONS)
  for (let i = 0; i < DIMENSIONS; i++) values[i] = random()
  return Buffer.from(values.buffer).toString('base64')
})
const bodies = []
for (let i = 0; i < VECTORS; i += PER_RESPONSE)
  bodies.push(
    JSON.stringify({
      object: 'list',
      model: 'text-embedding-3-small',
      data: vectors
        .slice(i, i + PER_RESPONSE)
        .map((embedding, index) => ({ object: 'embedding', index, embedding })),
      usage: { prompt_tokens: 1, total_tokens: 1 },
    }),
  )

let next = 0
const stubFetch = async () =>
  new Response(bodies[next++ % bodies.length], { headers: { 'content-type': 'application/json' } })
const ours = createClient({
  apiKey: 'sk-bench',
  baseURL: 'http://127.0.0.1:9/v1',
  fetch: stubFetch,
  maxRetries: 0,
})
const official = new OpenAI({
  apiKey: 'sk-bench',
  baseURL: 'http://127.0.0.1:9/v1',
  fetch: stubFetch,
  maxRetries: 0,
})
const params = { model: 'text-embedding-3-small', input: 'x' }

const withoutBuffer = (fn) => (text) => {
  const saved = globalThis.Buffer
  globalThis.Buffer = undefined
  try {
    return fn(text)
  } finally {
    globalThis.Buffer = saved
  }
}

/** Each case decodes every vector once; the async ones go through a whole SDK call per response. */
const cases = {
  'numbers: ours (createEmbedding)': async () => {
    next = 0
    for (let i = 0; i < bodies.length; i++) await createEmbedding(ours, params)
  },
  'numbers: official (embeddings.create)': async () => {
    next = 0
    for (let i = 0; i < bodies.length; i++) await official.embeddings.create(params)
  },
  'decode only: ours decodeEmbedding (Float32Array)': () => {
    for (const text of vectors) decodeEmbedding(text)
  },
  'decode only: official toFloat32Array (Buffer)': () => {
    for (const text of vectors) toFloat32Array(text)
  },
  'decode only: official toFloat32Array (no Buffer: atob)': () => {
    const decode = withoutBuffer(toFloat32Array)
    for (const text of vectors.slice(0, Math.ceil(vectors.length / 4))) decode(text)
  },
}
// The atob path is slow: it decodes a quarter of the vectors, and its time is scaled up to all of them.
const scale = { 'decode only: official toFloat32Array (no Buffer: atob)': 4 }

// Same answers first: a benchmark of a wrong decoder proves nothing.
const check = await createEmbedding(ours, params)
next = 0
const expected = await official.embeddings.create(params)
if (JSON.stringify(check.data) !== JSON.stringify(expected.data)) throw new Error('decoders disagree')

const times = Object.fromEntries(Object.keys(cases).map((name) => [name, { wall: [], cpu: [] }]))
for (let run = 0; run < WARMUPS + RUNS; run++) {
  for (const [name, fn] of Object.entries(cases)) {
    gc()
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    await fn()
    const wall = performance.now() - t0
    const cpu = process.cpuUsage(cpu0)
    if (run < WARMUPS) continue
    times[name].wall.push(wall * (scale[name] ?? 1))
    times[name].cpu.push(((cpu.user + cpu.system) / 1000) * (scale[name] ?? 1))
  }
}

const rows = Object.entries(times).map(([name, t]) => {
  const wall = Math.min(...t.wall)
  return {
    case: name,
    usPerVector: round((wall * 1000) / VECTORS, 2),
    cpuUsPerVector: round((median(t.cpu) * 1000) / VECTORS, 2),
  }
})
printTable(
  ['case', 'µs/vector (best)', 'cpu µs/vector (median)'],
  rows.map((r) => [r.case, r.usPerVector, r.cpuUsPerVector]),
)
const us = (name) => rows.find((r) => r.case.startsWith(name)).usPerVector
const ratios = {
  'numbers: official/ours': round(us('numbers: official') / us('numbers: ours'), 2),
  'decode only: official (Buffer)/ours': round(
    us('decode only: official toFloat32Array (Buffer)') / us('decode only: ours'),
    2,
  ),
  'decode only: official (atob)/ours': round(
    us('decode only: official toFloat32Array (no') / us('decode only: ours'),
    2,
  ),
}
console.log(ratios)
console.log(
  JSON.stringify({
    bench: 'embeddings-decode',
    quick,
    vectors: VECTORS,
    dimensions: DIMENSIONS,
    runs: RUNS,
    target: 'numbers: official/ours >= 1',
    ratios,
    rows,
  }),
)
