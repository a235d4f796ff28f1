// Memory: peak RSS while streaming SSE (10, 50, 100 MB from the mock's /v1/sse) and while uploading and
// downloading 200 MB (when packages/files is built), for a bare fetch (the floor), ours and the official
// client. Each measurement runs in a fresh process (memory-child.mjs) with the mock server in another one, so
// nothing else shares the heap. "Flat" means the growth does not rise with the stream length.
//
//   node bench/memory.mjs            SSE 10/50/100 MB, upload + download 200 MB
//   node bench/memory.mjs --quick    SSE 1/2 MB, upload + download 4 MB: only checks that everything works

import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { startMockProcess } from './mock-process.mjs'
import { printTable, round } from './stats.mjs'

const quick = process.argv.includes('--quick')
const SSE_MB = quick ? [1, 2] : [10, 50, 100]
const FILE_MB = quick ? 4 : 200
const EVENT_FRAME = 1034 // bytes of one /v1/sse frame with 1000 characters of text (see memory-child.mjs)
const child = fileURLToPath(new URL('memory-child.mjs', import.meta.url))
const filesDist = new URL('../packages/files/dist/index.js', import.meta.url)
// A placeholder dist (an empty file) counts as not built.
const files = existsSync(fileURLToPath(filesDist)) ? await import(filesDist.href) : {}
const filesBuilt = typeof files.uploadFile === 'function'
const contenders = ['floor', 'ours', 'official']
const label = { floor: 'bare fetch (floor)', ours: 'ours', official: 'openai (official)' }

const mock = await startMockProcess()
const env = { ...process.env, OPENAI_API_KEY: 'sk-bench', OPENAI_BASE_URL: mock.baseURL, OPENAI_LOG: 'off' }

function measure(contender, task, megabytes, fileId) {
  const args = [
    '--expose-gc',
    child,
    contender,
    task,
    String(megabytes),
    mock.baseURL,
    ...(fileId ? [fileId] : []),
  ]
  const r = spawnSync(process.execPath, args, { env, encoding: 'utf8', timeout: 300_000 })
  if (r.status !== 0)
    throw new Error(`${contender} ${task} ${megabytes} MB failed (${r.status}): ${r.stderr}`)
  return JSON.parse(r.stdout.trim().split('\n').at(-1))
}

function check(m, expected, what) {
  if (m.result !== expected) throw new Error(`${what}: got ${m.result}, expected ${expected}`)
}

const rows = []
try {
  for (const mb of SSE_MB)
    for (const c of contenders) {
      const m = measure(c, 'sse', mb)
      check(m, Math.round((mb * 1e6) / EVENT_FRAME), `${c} sse ${mb} MB events`)
      rows.push({ task: `SSE ${mb} MB`, contender: c, ...m })
    }
  if (filesBuilt) {
    const { createClient } = await import('../packages/core/dist/index.js')
    for (const c of contenders) {
      const m = measure(c, 'upload', FILE_MB)
      check(m, FILE_MB * 1e6, `${c} upload bytes`)
      rows.push({ task: `upload ${FILE_MB} MB`, contender: c, ...m })
    }
    // One stored file of the full size for every downloader (uploaded by ours here, streamed, not buffered).
    const client = createClient({ apiKey: env.OPENAI_API_KEY, baseURL: mock.baseURL, logLevel: 'off' })
    let left = FILE_MB * 1e6
    const source = new ReadableStream({
      pull(controller) {
        if (left <= 0) return controller.close()
        const n = Math.min(64 * 1024, left)
        left -= n
        controller.enqueue(new Uint8Array(n))
      },
    })
    const stored = await files.uploadFile(client, { file: ['download.bin', source], purpose: 'assistants' })
    for (const c of contenders) {
      const m = measure(c, 'download', FILE_MB, stored.id)
      check(m, FILE_MB * 1e6, `${c} download bytes`)
      rows.push({ task: `download ${FILE_MB} MB`, contender: c, ...m })
    }
  }
} finally {
  mock.close()
}

for (const r of rows) {
  const floor = rows.find((f) => f.task === r.task && f.contender === 'floor')
  r.floorRatio = round(r.peakMiB / floor.peakMiB, 2)
}
console.log('peak RSS of a fresh client process (MiB); growth = peak minus the baseline after warm-up and GC')
printTable(
  ['task', 'client', 'baseline', 'peak', 'growth', 'peak x floor'],
  rows.map((r) => [
    r.task,
    label[r.contender],
    round(r.baseMiB),
    round(r.peakMiB),
    round(r.growthMiB),
    `${r.floorRatio}x`,
  ]),
)
if (!filesBuilt) console.log('upload/download skipped: packages/files is not built (pnpm build)')
console.log(
  JSON.stringify({
    bench: 'memory',
    quick,
    filesBuilt,
    rows: rows.map((r) => ({
      task: r.task,
      client: r.contender,
      baseMiB: round(r.baseMiB),
      peakMiB: round(r.peakMiB),
      growthMiB: round(r.growthMiB),
      maxRssMiB: round(r.maxRssMiB),
      floorRatio: r.floorRatio,
    })),
  }),
)
