import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import v8 from 'node:v8'
import { runInNewContext } from 'node:vm'
import { createClient } from '@acme/openai-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readBatchResults } from './read-batch-results'

v8.setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

const TOTAL_BYTES = 200 * 1024 * 1024
const LINE_BYTES = 1024

/** One output line of about LINE_BYTES bytes for request `i`. */
function line(i: number): string {
  const head = JSON.stringify({
    id: `batch_req_${i}`,
    custom_id: `r${i}`,
    response: { status_code: 200, request_id: `req_${i}`, body: { object: 'list', text: '' } },
    error: null,
  })
  return `${head.replace('"text":""', `"text":"${'x'.repeat(LINE_BYTES - head.length - 1)}"`)}\n`
}

let server: Server
let baseURL: string
beforeAll(async () => {
  // A 200 MB JSONL "output file", written line by line as the client reads it (a bounded loop, backpressure kept).
  server = createServer(async (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(TOTAL_BYTES) })
    let sent = 0
    for (let i = 0; sent < TOTAL_BYTES && !res.destroyed; i++) {
      let chunk = ''
      for (let k = 0; k < 64 && sent + chunk.length < TOTAL_BYTES; k++) chunk += line(i * 64 + k)
      chunk = chunk.slice(0, TOTAL_BYTES - sent)
      sent += chunk.length
      if (!res.write(chunk)) await once(res, 'drain')
    }
    res.end()
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const used = () => {
  const m = process.memoryUsage()
  return m.heapUsed + m.arrayBuffers
}

describe('readBatchResults memory', () => {
  it('stays flat while reading a 200 MB output file line by line', async () => {
    const client = createClient({ apiKey: 'sk-test', baseURL, maxRetries: 0 })
    gc()
    const before = used()
    let peak = before
    let lines = 0
    let lastId = ''
    for await (const result of readBatchResults(client, 'file-big')) {
      lines++
      lastId = result.custom_id
      if (lines % 4096 === 0) peak = Math.max(peak, used())
    }
    const growthMB = (peak - before) / 1024 / 1024
    console.log(
      `readBatchResults: ${lines} lines, ${TOTAL_BYTES / 1024 / 1024} MB, peak growth ${growthMB.toFixed(1)} MB`,
    )
    expect(lines).toBe(TOTAL_BYTES / LINE_BYTES)
    expect(lastId).toBe(`r${lines - 1}`)
    expect(growthMB).toBeLessThan(100)
  }, 60_000)
})
