// Its own file (so its own process under vitest's forks pool): memory is measured without other tests around.
import { createHash } from 'node:crypto'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { createClient } from '@acme/openai-core'
import { startMockServer } from '@acme/openai-mock'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { retrieveFileContent } from './retrieve-file-content'
import { uploadFile } from './upload-file'

const MiB = 1024 * 1024
const TOTAL = 200 * MiB
const CHUNK = 64 * 1024

setFlagsFromString('--expose-gc')
const gc: () => void = runInNewContext('gc')

let mock: Awaited<ReturnType<typeof startMockServer>>
beforeAll(async () => {
  mock = await startMockServer()
})
afterAll(() => mock.close())

/** A 200 MB stream made on demand, hashing what it hands out. */
function generatedStream(total: number, hash: ReturnType<typeof createHash>): ReadableStream<Uint8Array> {
  let sent = 0
  return new ReadableStream(
    {
      pull(controller) {
        if (sent >= total) return controller.close()
        const chunk = new Uint8Array(Math.min(CHUNK, total - sent))
        chunk.fill((sent / CHUNK) & 0xff)
        chunk[0] = sent % 251
        hash.update(chunk)
        sent += chunk.byteLength
        controller.enqueue(chunk)
      },
    },
    { highWaterMark: 0 },
  )
}

/** Peak memory above a baseline taken after a full GC, sampled every 20 ms. */
function watchMemory() {
  gc()
  const read = () => {
    const m = process.memoryUsage()
    return { rss: m.rss, live: m.heapUsed + m.arrayBuffers }
  }
  const base = read()
  const peak = { ...base }
  const sample = () => {
    const now = read()
    peak.rss = Math.max(peak.rss, now.rss)
    peak.live = Math.max(peak.live, now.live)
  }
  const timer = setInterval(sample, 20)
  return {
    stop() {
      clearInterval(timer)
      sample()
      return { rssMiB: (peak.rss - base.rss) / MiB, liveMiB: (peak.live - base.live) / MiB }
    },
  }
}

test('a 200 MB stream uploads and downloads with memory staying under 100 MB above the baseline', async () => {
  const client = createClient({ apiKey: 'sk-test', baseURL: mock.baseURL })
  // Warm-up: load every code path once so the baseline is not measured before the modules exist.
  const warm = await uploadFile(client, {
    file: ['warm.bin', generatedStream(MiB, createHash('md5'))],
    purpose: 'assistants',
  })
  await new Response(await retrieveFileContent(client, warm.id)).arrayBuffer()

  const sentHash = createHash('sha256')
  const upload = watchMemory()
  const file = await uploadFile(client, {
    file: ['big.bin', generatedStream(TOTAL, sentHash), 'application/octet-stream'],
    purpose: 'assistants',
  })
  const up = upload.stop()
  expect(file.bytes).toBe(TOTAL)

  const download = watchMemory()
  const gotHash = createHash('sha256')
  let got = 0
  const reader = (await retrieveFileContent(client, file.id)).getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    got += value.byteLength
    gotHash.update(value)
  }
  const down = download.stop()
  expect(got).toBe(TOTAL)
  expect(gotHash.digest('hex')).toBe(sentHash.digest('hex'))

  console.info(
    `200 MB upload: peak +${up.rssMiB.toFixed(1)} MiB RSS, +${up.liveMiB.toFixed(1)} MiB heap+arrayBuffers; ` +
      `download: peak +${down.rssMiB.toFixed(1)} MiB RSS, +${down.liveMiB.toFixed(1)} MiB heap+arrayBuffers ` +
      '(client and mock server in one process)',
  )
  expect(up.rssMiB).toBeLessThan(100)
  expect(up.liveMiB).toBeLessThan(100)
  expect(down.rssMiB).toBeLessThan(100)
  expect(down.liveMiB).toBeLessThan(100)
}, 60_000)
