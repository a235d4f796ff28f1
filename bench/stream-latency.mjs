// Streaming latency: time to the first and to the last event of a long Responses stream served by the mock
// server (in its own process), for a bare fetch + TextDecoder loop (the floor), ours and the official client.
//
//   node bench/stream-latency.mjs            ~20,000 events (4 MB), median of 15 runs after 2 warm-ups
//   node bench/stream-latency.mjs --quick    ~500 events, 1 run: only checks that everything still works
//
// The stream is scripted into the mock as an `sse` fault on POST /v1/responses, one event per write, so every
// client gets the same bytes at the pace of the loopback socket. Each client parses every event's JSON.
// Uses the built packages/responses when it exists, else core's request(..., { stream: true }).

import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import OpenAI from 'openai'
import { createClient, request } from '../packages/core/dist/index.js'
import { generateResponsesStream } from './fixtures/responses-sse.mjs'
import { startMockProcess } from './mock-process.mjs'
import { median, printTable, round } from './stats.mjs'

const quick = process.argv.includes('--quick')
const STREAM_BYTES = quick ? 100e3 : 4e6
const RUNS = quick ? 1 : 15
const WARMUPS = quick ? 0 : 2
const KEY = 'sk-bench'
const PARAMS = { model: 'gpt-5.2', input: 'Tell me a long story.', stream: true }

const responsesDist = new URL('../packages/responses/dist/index.js', import.meta.url)
const createResponse = existsSync(fileURLToPath(responsesDist))
  ? (await import(responsesDist.href)).createResponse
  : undefined

const fixture = generateResponsesStream(STREAM_BYTES)
const frames = fixture.text.split('\n\n').slice(0, -1)
const chunks = frames.map((frame) => `${frame}\n\n`)
if (chunks.length !== fixture.events)
  throw new Error(`fixture has ${chunks.length} frames, not ${fixture.events}`)

const mock = await startMockProcess()
const url = `${mock.baseURL}/responses`
const ours = createClient({ apiKey: KEY, baseURL: mock.baseURL, logLevel: 'off', maxRetries: 0 })
const official = new OpenAI({ apiKey: KEY, baseURL: mock.baseURL, logLevel: 'off', maxRetries: 0 })

function dataOf(block) {
  const start = block.startsWith('data: ') ? 0 : block.indexOf('\ndata: ') + 1
  const end = block.indexOf('\n', start)
  return block.slice(start + 6, end === -1 ? block.length : end)
}

/** Times one stream: `events` is an async iterable of parsed events, started at `t0`. */
async function timeEvents(t0, events) {
  let first
  let count = 0
  let last
  for await (const event of events) {
    if (count === 0) first = performance.now() - t0
    last = event
    count++
  }
  return { first, last: performance.now() - t0, count, lastEvent: last }
}

const contenders = {
  async 'bare fetch (floor)'() {
    const t0 = performance.now()
    const res = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(PARAMS),
    })
    async function* parse() {
      const reader = res.body.getReader()
      const text = new TextDecoder()
      let buffer = ''
      for (;;) {
        const { value, done } = await reader.read()
        if (done) break
        buffer += text.decode(value, { stream: true })
        const blocks = buffer.split('\n\n')
        buffer = blocks.pop()
        for (const block of blocks) yield JSON.parse(dataOf(block))
      }
    }
    return timeEvents(t0, parse())
  },
  async [createResponse ? 'ours (createResponse)' : 'ours (core request)']() {
    const t0 = performance.now()
    const stream = createResponse
      ? await createResponse(ours, PARAMS)
      : await request(ours, { method: 'post', path: '/responses', body: PARAMS, stream: true })
    return timeEvents(t0, stream)
  },
  async 'openai (official)'() {
    const t0 = performance.now()
    return timeEvents(t0, await official.responses.create(PARAMS))
  },
}

const names = Object.keys(contenders)
const total = (WARMUPS + RUNS) * names.length
const queued = await fetch(`${mock.url}/__mock/faults`, {
  method: 'POST',
  body: JSON.stringify([{ match: { method: 'POST', path: '/v1/responses' }, times: total, sse: { chunks } }]),
})
if (!queued.ok) throw new Error(`could not script the mock stream: ${queued.status} ${await queued.text()}`)

const results = Object.fromEntries(names.map((name) => [name, { first: [], last: [] }]))
try {
  for (let run = -WARMUPS; run < RUNS; run++) {
    // Interleave contenders in each round so drift in machine load hits all of them alike.
    for (const name of names) {
      const r = await contenders[name]()
      if (r.count !== fixture.events || r.lastEvent?.sequence_number !== fixture.events - 1)
        throw new Error(`${name} saw ${r.count} events, expected ${fixture.events}`)
      if (run < 0) continue
      results[name].first.push(r.first)
      results[name].last.push(r.last)
    }
  }
} finally {
  mock.close()
}

const floor = results[names[0]]
const rows = names.map((name) => {
  const r = results[name]
  return {
    name,
    firstMs: round(median(r.first), 2),
    lastMs: round(median(r.last), 1),
    firstRatio: round(median(r.first) / median(floor.first), 2),
    lastRatio: round(median(r.last) / median(floor.last), 2),
  }
})
const mb = round(Buffer.byteLength(fixture.text) / 1e6, 2)
console.log(`Responses stream of ${fixture.events} events (${mb} MB) from the mock, median of ${RUNS} runs`)
printTable(
  ['client', 'first event ms', 'x floor', 'last event ms', 'x floor'],
  rows.map((r) => [r.name, r.firstMs, `${r.firstRatio}x`, r.lastMs, `${r.lastRatio}x`]),
)
console.log(
  JSON.stringify({ bench: 'stream-latency', quick, events: fixture.events, megabytes: mb, runs: RUNS, rows }),
)
