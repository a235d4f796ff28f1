// SSE decode throughput: our Stream.fromSSEResponse against a bare decode loop, the official SDK and
// eventsource-parser, on the same in-memory Responses stream.
//
//   node bench/sse-decode.mjs            50 MB input (1 MB for 1-byte chunks), best of 5 after 1 warm-up
//   node bench/sse-decode.mjs --quick    2 MB input, 1 run: only checks that everything still works
//
// Needs the built core (`pnpm exec turbo run build --filter=@acme/openai-core`).
// Every decoder reads the same bytes from a fresh `Response` whose body is a ReadableStream of the
// chunks, and parses every event's JSON; runs are interleaved so machine noise hits all of them alike.
// "floor" is the loop the budget is defined against (BENCHMARKS.md): TextDecoder, split('\n\n'), find the
// data line, JSON.parse. "floor-iter" hands the floor's items out through a minimal async iterator (the
// cost of `for await` alone); "floor-sync" runs the floor loop over the chunk array with no ReadableStream.
// MB/s use wall time; the JSON line also gives CPU-time ratios, steadier on a busy machine.

import v8 from 'node:v8'
import { runInNewContext } from 'node:vm'
import { createParser } from 'eventsource-parser'
import { Stream as OfficialStream } from 'openai/core/streaming'
import { Stream } from '../packages/core/dist/stream.js'
import { chunkFixed, chunkRandom, generateResponsesStream } from './fixtures/responses-sse.mjs'

// A full GC before each run, so no decoder pays for the garbage of the one before it.
v8.setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc')

const quick = process.argv.includes('--quick')
const INPUT_BYTES = quick ? 2e6 : 50e6
const ONE_BYTE_INPUT = quick ? 64e3 : 1e6
const RUNS = quick ? 1 : 5
const WARMUPS = quick ? 0 : 1

function responseOf(chunks) {
  let i = 0
  return new Response(
    new ReadableStream({
      pull(controller) {
        if (i < chunks.length) controller.enqueue(chunks[i++])
        else controller.close()
      },
    }),
    { headers: { 'content-type': 'text/event-stream' } },
  )
}

function dataOf(block) {
  const start = block.startsWith('data: ') ? 0 : block.indexOf('\ndata: ') + 1
  const end = block.indexOf('\n', start)
  return block.slice(start + 6, end === -1 ? block.length : end)
}

function floorIterable(response) {
  return {
    [Symbol.asyncIterator]() {
      const reader = response.body.getReader()
      const text = new TextDecoder()
      let buffer = ''
      let datas = []
      let i = 0
      const pull = async () => {
        for (;;) {
          const { value, done } = await reader.read()
          if (done) return { value: undefined, done: true }
          buffer += text.decode(value, { stream: true })
          const blocks = buffer.split('\n\n')
          buffer = blocks.pop()
          datas = blocks.map(dataOf)
          i = 0
          if (datas.length > 0) return { value: JSON.parse(datas[i++]), done: false }
        }
      }
      return {
        next: () =>
          i < datas.length ? Promise.resolve({ value: JSON.parse(datas[i++]), done: false }) : pull(),
      }
    },
  }
}

/** Each decoder resolves to `{ count, last }`: events seen and the last parsed payload. */
const decoders = {
  async floor(chunks) {
    const reader = responseOf(chunks).body.getReader()
    const text = new TextDecoder()
    let buffer = ''
    let count = 0
    let last
    for (;;) {
      const { value, done } = await reader.read()
      if (done) break
      buffer += text.decode(value, { stream: true })
      const blocks = buffer.split('\n\n')
      buffer = blocks.pop()
      for (const block of blocks) {
        last = JSON.parse(dataOf(block))
        count++
      }
    }
    return { count, last }
  },
  // The floor's decoding behind the cheapest async iterator (one resolved promise per item), read with
  // for await: the least any async-iterable stream API can cost, so the gap between it and "floor" is the
  // price of `for await` itself, which "ours" pays too.
  async 'floor-iter'(chunks) {
    let count = 0
    let last
    for await (const item of floorIterable(responseOf(chunks))) {
      last = item
      count++
    }
    return { count, last }
  },
  async 'floor-sync'(chunks) {
    const text = new TextDecoder()
    let buffer = ''
    let count = 0
    let last
    for (const chunk of chunks) {
      buffer += text.decode(chunk, { stream: true })
      const blocks = buffer.split('\n\n')
      buffer = blocks.pop()
      for (const block of blocks) {
        last = JSON.parse(dataOf(block))
        count++
      }
    }
    return { count, last }
  },
  async ours(chunks) {
    let count = 0
    let last
    for await (const event of Stream.fromSSEResponse(responseOf(chunks), new AbortController())) {
      last = event
      count++
    }
    return { count, last }
  },
  async official(chunks) {
    let count = 0
    let last
    for await (const event of OfficialStream.fromSSEResponse(responseOf(chunks), new AbortController())) {
      last = event
      count++
    }
    return { count, last }
  },
  async 'eventsource-parser'(chunks) {
    let count = 0
    let last
    const parser = createParser({
      onEvent(event) {
        last = JSON.parse(event.data)
        count++
      },
    })
    const reader = responseOf(chunks).body.getReader()
    const text = new TextDecoder()
    for (;;) {
      const { value, done } = await reader.read()
      if (done) break
      parser.feed(text.decode(value, { stream: true }))
    }
    return { count, last }
  },
}

async function measure(label, bytes, chunks, expected) {
  const best = Object.fromEntries(
    Object.keys(decoders).map((name) => [name, { ms: Infinity, cpuMs: Infinity }]),
  )
  for (let run = -WARMUPS; run < RUNS; run++) {
    for (const [name, decode] of Object.entries(decoders)) {
      gc()
      const cpu = process.cpuUsage()
      const started = performance.now()
      const { count, last } = await decode(chunks)
      const ms = performance.now() - started
      const { user, system } = process.cpuUsage(cpu)
      if (count !== expected.events || last?.sequence_number !== expected.events - 1) {
        throw new Error(`${name} (${label}) saw ${count} events, expected ${expected.events}`)
      }
      if (run < 0) continue
      best[name].ms = Math.min(best[name].ms, ms)
      best[name].cpuMs = Math.min(best[name].cpuMs, (user + system) / 1e3)
    }
  }
  return Object.entries(best).map(([name, { ms, cpuMs }]) => ({
    mode: label,
    decoder: name,
    ms: round(ms),
    cpuMs: round(cpuMs),
    mbPerSecond: round(bytes.length / 1e6 / (ms / 1e3)),
    eventsPerSecond: Math.round(expected.events / (ms / 1e3)),
  }))
}

function round(n, digits = 1) {
  return Number(n.toFixed(digits))
}

/** How many times faster `a` ran than `b` (both in ms): above 1 means `a` is faster. */
function speedup(aMs, bMs) {
  return round(bMs / aMs, 2)
}

const big = generateResponsesStream(INPUT_BYTES)
const small = generateResponsesStream(ONE_BYTE_INPUT, 2)
const results = [
  ...(await measure('16KB chunks', big.bytes, chunkFixed(big.bytes, 16 * 1024), big)),
  ...(await measure('random chunks', big.bytes, chunkRandom(big.bytes, 32 * 1024), big)),
  ...(await measure('1-byte chunks', small.bytes, chunkFixed(small.bytes, 1), small)),
]

const ratios = {}
console.log(
  `SSE decode, ${round(big.bytes.length / 1e6)} MB Responses stream (${big.events} events), best of ${RUNS}`,
)
console.log(
  ['mode', 'decoder', 'MB/s', 'events/s', 'x floor']
    .map((h, i) => (i < 2 ? h.padEnd(20) : h.padStart(12)))
    .join(''),
)
for (const row of results) {
  const floor = results.find((r) => r.mode === row.mode && r.decoder === 'floor')
  const ratio = speedup(row.ms, floor.ms)
  console.log(
    row.mode.padEnd(20) +
      row.decoder.padEnd(20) +
      String(row.mbPerSecond).padStart(12) +
      String(row.eventsPerSecond).padStart(12) +
      ratio.toFixed(2).padStart(12),
  )
}
for (const mode of new Set(results.map((r) => r.mode))) {
  const ms = (decoder) => results.find((r) => r.mode === mode && r.decoder === decoder).ms
  const cpuMs = (decoder) => results.find((r) => r.mode === mode && r.decoder === decoder).cpuMs
  ratios[mode] = {
    'ours/floor': speedup(ms('ours'), ms('floor')),
    'ours/floor (cpu time)': speedup(cpuMs('ours'), cpuMs('floor')),
    'ours/floor-iter': speedup(ms('ours'), ms('floor-iter')),
    'ours/floor-sync': speedup(ms('ours'), ms('floor-sync')),
    'ours/official': speedup(ms('ours'), ms('official')),
    'ours/eventsource-parser': speedup(ms('ours'), ms('eventsource-parser')),
  }
}
const main = ratios['16KB chunks']
console.log(
  JSON.stringify({
    bench: 'sse-decode',
    quick,
    inputBytes: big.bytes.length,
    events: big.events,
    runs: RUNS,
    'ours/floor': main['ours/floor'],
    'ours/official': main['ours/official'],
    target: 'ours/floor >= 0.9',
    ratios,
    results,
  }),
)
