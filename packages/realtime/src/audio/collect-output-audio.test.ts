import { createClient } from '@acme/openai-core'
import { type MockServer, startMockServer } from '@acme/openai-mock'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectRealtime } from '../connect-realtime-node'
import { eventsUntil } from '../events-until.test-helper'
import { collectOutputAudio } from './collect-output-audio'

let mock: MockServer
beforeAll(async () => {
  mock = await startMockServer()
})
afterAll(() => mock.close())

const open = () =>
  connectRealtime(createClient({ apiKey: 'sk-test', baseURL: mock.baseURL }), { model: 'gpt-realtime' })

describe('collectOutputAudio', () => {
  it('collects the audio deltas of one response into one buffer, next to a for-await loop', async () => {
    const rt = await open()
    rt.conversation.item.create({
      type: 'message',
      role: 'user',
      content: [{ type: 'input_text', text: 'Say hi' }],
    })
    const audio = collectOutputAudio(rt)
    rt.response.create()
    const events = await eventsUntil(rt, 'response.done')
    const { bytes, samples, transcript, response } = await audio
    const deltas = events.filter((e) => e.type === 'response.output_audio.delta') as Array<{ delta: string }>
    expect(bytes).toEqual(new Uint8Array(Buffer.concat(deltas.map((d) => Buffer.from(d.delta, 'base64')))))
    expect(bytes.length).toBe(5 * 4800) // five 100 ms pieces of 24 kHz PCM16
    expect(samples.length).toBe(12000)
    // The mock's 440 Hz tone at amplitude 8000.
    expect(Array.from(samples.subarray(0, 4))).toEqual([0, 919, 1827, 2710])
    expect(transcript).toBe('Hello! You said: Say hi')
    expect(response.status).toBe('completed')
    await rt.close()
  })

  it('rejects when the connection closes before the response is done', async () => {
    const rt = await open()
    const audio = collectOutputAudio(rt)
    rt.send({ type: 'mock.close', code: 4002, reason: 'gone' } as never)
    await expect(audio).rejects.toMatchObject({ name: 'RealtimeClosedError', code: 4002, reason: 'gone' })
  })

  it('rejects when its signal aborts', async () => {
    const rt = await open()
    const controller = new AbortController()
    const audio = collectOutputAudio(rt, { signal: controller.signal })
    controller.abort(new Error('stop'))
    await expect(audio).rejects.toThrow('stop')
    await rt.close()
  })
})
