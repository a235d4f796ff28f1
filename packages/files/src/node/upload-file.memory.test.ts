// Its own file (so its own process under vitest's forks pool): memory is measured without other tests around.
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { createClient } from '@acme/openai-core'
import { startMockServer } from '@acme/openai-mock'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { uploadFile, uploadLargeFile } from './index'

const MiB = 1024 * 1024
// Smaller than the 200 MB stream test next to uploadFile: writing it to disk first costs time.
const TOTAL = 128 * MiB

setFlagsFromString('--expose-gc')
const gc: () => void = runInNewContext('gc')

const dir = mkdtempSync(join(tmpdir(), 'files-node-memory-'))
const path = join(dir, 'big.jsonl')
let mock: Awaited<ReturnType<typeof startMockServer>>
beforeAll(async () => {
  mock = await startMockServer()
  const fd = openSync(path, 'w')
  const line = Buffer.alloc(MiB, '{"x":1}\n')
  for (let i = 0; i < TOTAL / MiB; i++) writeSync(fd, line)
  closeSync(fd)
})
afterAll(async () => {
  await mock.close()
  rmSync(dir, { recursive: true, force: true })
})

/** Peak heap + arrayBuffers above a baseline taken after a full GC, sampled every 20 ms. */
function watchMemory() {
  gc()
  const live = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers
  const base = live()
  let peak = base
  const timer = setInterval(() => {
    peak = Math.max(peak, live())
  }, 20)
  return () => {
    clearInterval(timer)
    return (Math.max(peak, live()) - base) / MiB
  }
}

test('a 128 MB file on disk uploads by path, whole and in parts, without being held in memory', async () => {
  const client = createClient({ apiKey: 'sk-test', baseURL: mock.baseURL })
  await uploadFile(client, { file: ['warm.txt', 'warm'], purpose: 'assistants' })

  const single = watchMemory()
  const file = await uploadFile(client, { file: path, purpose: 'batch' })
  const singleMiB = single()
  expect(file.bytes).toBe(TOTAL)

  const parts = watchMemory()
  const upload = await uploadLargeFile(client, {
    file: path,
    purpose: 'batch',
    mimeType: 'text/jsonl',
    partSize: 32 * MiB,
  })
  const partsMiB = parts()
  expect(upload.file?.bytes).toBe(TOTAL)

  console.info(
    `128 MB from disk: uploadFile peak +${singleMiB.toFixed(1)} MiB heap+arrayBuffers, ` +
      `uploadLargeFile (32 MB parts, 3 in flight) peak +${partsMiB.toFixed(1)} MiB`,
  )
  expect(singleMiB).toBeLessThan(100)
  expect(partsMiB).toBeLessThan(100)
}, 60_000)
