// Its own file (so its own process under vitest's forks pool): memory is measured without other tests around.
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { createClient } from '@acme/openai-core'
import { startMockServer } from '@acme/openai-mock'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createSpeech } from './create-speech'
import { createTranscription } from './create-transcription'

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

/** `total` bytes made on demand, one 64 KB chunk per pull. */
function generatedStream(total: number): ReadableStream<Uint8Array> {
  let sent = 0
  return new ReadableStream(
    {
      pull(controller) {
        if (sent >= total) return controller.close()
        const chunk = new Uint8Array(Math.min(CHUNK, total - sent)).fill(sent & 0xff)
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

test('a 200 MB transcription upload from a stream and a 200 MB speech download stay under 100 MB', async () => {
  const client = createClient({ apiKey: 'sk-test', baseURL: mock.baseURL })
  // Warm-up: load every code path once so the baseline is not measured before the modules exist.
  await createTranscription(client, { model: 'whisper-1', file: ['warm.wav', generatedStream(MiB)] })
  await new Response(
    await createSpeech(client, { model: 'tts-1', voice: 'alloy', input: 'warm' }),
  ).arrayBuffer()

  const upload = watchMemory()
  const transcript = await createTranscription(client, {
    model: 'whisper-1',
    file: ['long.wav', generatedStream(TOTAL), 'audio/wav'],
  })
  const up = upload.stop()
  // The mock names the byte count it received: every byte crossed the wire.
  expect(transcript.text).toContain(`long.wav (${TOTAL} bytes)`)

  const download = watchMemory()
  const seconds = Math.ceil(TOTAL / 48_000)
  const { data: audio, response } = await createSpeech(
    client,
    { model: 'tts-1', voice: 'alloy', input: 'long', response_format: 'wav' },
    { headers: { 'x-mock-audio-seconds': String(seconds) } },
  ).withResponse()
  let got = 0
  let head = ''
  const reader = audio.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    if (!got) head = new TextDecoder().decode(value.subarray(0, 4))
    got += value.byteLength
  }
  const down = download.stop()
  expect(head).toBe('RIFF')
  expect(got).toBe(Number(response.headers.get('content-length')))
  expect(got).toBeGreaterThanOrEqual(TOTAL)

  console.info(
    `200 MB transcription upload: peak +${up.rssMiB.toFixed(1)} MiB RSS, +${up.liveMiB.toFixed(1)} MiB heap+arrayBuffers; ` +
      `200 MB speech download: peak +${down.rssMiB.toFixed(1)} MiB RSS, +${down.liveMiB.toFixed(1)} MiB heap+arrayBuffers ` +
      '(client and mock server in one process)',
  )
  expect(up.rssMiB).toBeLessThan(100)
  expect(up.liveMiB).toBeLessThan(100)
  expect(down.rssMiB).toBeLessThan(100)
  expect(down.liveMiB).toBeLessThan(100)
}, 60_000)
