// Per-request cost of one non-streaming call against the local mock server: a bare fetch loop (the floor),
// @acme/openai-core's request(), ofetch (what the design first proposed for our transport), and the official client.
// Usage: node bench/request-overhead.mjs [--quick]

import { ofetch } from 'ofetch'
import OpenAI from 'openai'
import { createClient, request } from '../packages/core/dist/index.js'
import { startMockProcess } from './mock-process.mjs'

const quick = process.argv.includes('--quick')
const N = quick ? 200 : 3000
const ROUNDS = quick ? 1 : 5
const IN_FLIGHT = 64
const KEY = 'sk-bench'

const mock = await startMockProcess()
const url = `${mock.baseURL}/models/gpt-4o-mini`
const ours = createClient({ apiKey: KEY, baseURL: mock.baseURL, logLevel: 'off' })
const official = new OpenAI({ apiKey: KEY, baseURL: mock.baseURL, logLevel: 'off' })
const of = ofetch.create({ retry: 0, headers: { authorization: `Bearer ${KEY}` } })

const contenders = {
  // text() + JSON.parse, not Response.json(): on Node 20 the latter is measurably slower, and the floor is the
  // fastest a bare fetch can do.
  'bare fetch': async () =>
    JSON.parse(await (await fetch(url, { headers: { authorization: `Bearer ${KEY}` } })).text()),
  '@acme/openai-core': () => request(ours, { method: 'get', path: '/models/gpt-4o-mini' }),
  ofetch: () => of(url),
  'openai (official)': () => official.models.retrieve('gpt-4o-mini'),
}

async function sequential(fn) {
  const t0 = performance.now()
  for (let i = 0; i < N; i++) await fn()
  return performance.now() - t0
}

async function concurrent(fn) {
  let next = 0
  const worker = async () => {
    while (next < N) {
      next++
      await fn()
    }
  }
  const t0 = performance.now()
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker))
  return performance.now() - t0
}

const results = {}
for (const name of Object.keys(contenders)) results[name] = { seq: [], conc: [] }
for (const fn of Object.values(contenders)) for (let i = 0; i < 50; i++) await fn() // warm up every path
for (let r = 0; r < ROUNDS; r++) {
  // Interleave contenders in each round, each round starting with the next one, so drift in machine load and
  // whatever the previous contender left behind (sockets, garbage) hit all of them alike.
  const names = Object.keys(contenders)
  for (let i = 0; i < names.length; i++) {
    const name = names[(r + i) % names.length]
    results[name].seq.push(await sequential(contenders[name]))
    results[name].conc.push(await concurrent(contenders[name]))
  }
}
mock.close()

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const floor = results['bare fetch']
const rows = Object.entries(results).map(([name, r]) => ({
  name,
  seqUs: (median(r.seq) / N) * 1000,
  concUs: (median(r.conc) / N) * 1000,
  seqRatio: median(r.seq) / median(floor.seq),
  concRatio: median(r.conc) / median(floor.conc),
}))
console.log(
  `per-request cost, ${N} calls x ${ROUNDS} rounds (median), ${IN_FLIGHT} in flight for the concurrent column`,
)
console.log('client               sequential µs/req  ratio   concurrent µs/req  ratio')
for (const r of rows)
  console.log(
    `${r.name.padEnd(20)} ${r.seqUs.toFixed(1).padStart(17)}  ${r.seqRatio.toFixed(2).padStart(5)}x ${r.concUs.toFixed(1).padStart(18)}  ${r.concRatio.toFixed(2).padStart(5)}x`,
  )
console.log(JSON.stringify({ bench: 'request-overhead', N, rounds: ROUNDS, rows }))
