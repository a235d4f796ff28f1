// Conformance: the official `openai` client and @acme/openai-audio make the same Audio calls against one recording
// mock server; requests must agree (method, path, JSON body, auth, accept, content type; multipart field by field,
// boundaries ignored), plain and streaming, and the bytes a caller reads are the bytes the server sent.
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  createSpeech,
  createTranscription,
  createTranslation,
  createVoice,
  deleteVoice,
} from '@acme/openai-audio'
import { createTranscription as transcribeFromNode } from '@acme/openai-audio/node'
import { createClient } from '@acme/openai-core'
import { type MockServer, startMockServer } from '@acme/openai-mock'
import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { multipartEssentials } from './multipart'
import { recordOne } from './recorded'

let mock: MockServer
let official: OpenAI
let ours: ReturnType<typeof createClient>
const dir = mkdtempSync(join(tmpdir(), 'audio-conformance-'))
const path = join(dir, 'memo.mp3')
writeFileSync(
  path,
  new Uint8Array(4000).map((_, i) => i % 251),
)

beforeAll(async () => {
  mock = await startMockServer()
  official = new OpenAI({ apiKey: 'sk-test', baseURL: mock.baseURL, maxRetries: 0 })
  ours = createClient({ apiKey: 'sk-test', baseURL: mock.baseURL, maxRetries: 0 })
})
afterAll(async () => {
  await mock.close()
  rmSync(dir, { recursive: true, force: true })
})

const wav = () => new File([new Uint8Array(16_000).fill(7)], 'memo.wav', { type: 'audio/wav' })

async function drain(stream: AsyncIterable<unknown>): Promise<unknown[]> {
  const events: unknown[] = []
  for await (const event of stream) events.push(event)
  return events
}

interface Case {
  name: string
  official: () => Promise<unknown>
  ours: () => Promise<unknown>
}

const speech = {
  model: 'gpt-4o-mini-tts',
  voice: 'alloy',
  input: 'Hello there',
  response_format: 'wav',
} as const

const cases: Case[] = [
  {
    name: 'speech',
    official: async () => (await official.audio.speech.create(speech)).arrayBuffer(),
    ours: async () => new Response(await createSpeech(ours, speech)).arrayBuffer(),
  },
  {
    name: 'speech as SSE',
    official: async () => (await official.audio.speech.create({ ...speech, stream_format: 'sse' })).text(),
    ours: async () => drain(await createSpeech(ours, { ...speech, stream_format: 'sse' })),
  },
  {
    name: 'transcription with every array field',
    official: () =>
      official.audio.transcriptions.create({
        model: 'gpt-4o-transcribe-diarize',
        file: wav(),
        response_format: 'diarized_json',
        include: ['logprobs'],
        timestamp_granularities: ['word', 'segment'],
        known_speaker_names: ['ann', 'bob'],
        known_speaker_references: ['data:audio/wav;base64,AAA=', 'data:audio/wav;base64,BBB='],
        chunking_strategy: { type: 'server_vad', threshold: 0.5 },
        temperature: 0,
      }),
    ours: () =>
      createTranscription(ours, {
        model: 'gpt-4o-transcribe-diarize',
        file: wav(),
        response_format: 'diarized_json',
        include: ['logprobs'],
        timestamp_granularities: ['word', 'segment'],
        known_speaker_names: ['ann', 'bob'],
        known_speaker_references: ['data:audio/wav;base64,AAA=', 'data:audio/wav;base64,BBB='],
        chunking_strategy: { type: 'server_vad', threshold: 0.5 },
        temperature: 0,
      }),
  },
  {
    name: 'transcription as text',
    official: () =>
      official.audio.transcriptions.create({ model: 'whisper-1', file: wav(), response_format: 'text' }),
    ours: () => createTranscription(ours, { model: 'whisper-1', file: wav(), response_format: 'text' }),
  },
  {
    name: 'transcription, streamed',
    official: async () =>
      drain(
        await official.audio.transcriptions.create({
          model: 'gpt-4o-mini-transcribe',
          file: wav(),
          stream: true,
        }),
      ),
    ours: async () =>
      drain(await createTranscription(ours, { model: 'gpt-4o-mini-transcribe', file: wav(), stream: true })),
  },
  {
    name: 'transcription from an fs.ReadStream (streamed multipart)',
    official: () =>
      official.audio.transcriptions.create({ model: 'whisper-1', file: createReadStream(path) }),
    ours: () => transcribeFromNode(ours, { model: 'whisper-1', file: createReadStream(path) }),
  },
  {
    name: 'translation',
    official: () =>
      official.audio.translations.create({
        model: 'whisper-1',
        file: wav(),
        prompt: 'p',
        response_format: 'verbose_json',
      }),
    ours: () =>
      createTranslation(ours, {
        model: 'whisper-1',
        file: wav(),
        prompt: 'p',
        response_format: 'verbose_json',
      }),
  },
  // Not in the OpenAPI spec (the generated voice calls are in generated-operations.test.ts): written by hand.
  {
    name: 'delete a custom voice',
    official: () => official.audio.voices.delete('voice_a/b'),
    ours: () => deleteVoice(ours, 'voice_a/b'),
  },
  // `type` is not in the spec; the SDKs take it (the generator's `extra` hint).
  {
    name: 'create a custom voice with the optional type',
    official: () =>
      official.audio.voices.create({
        name: 'Narrator',
        consent: 'cons_1',
        audio_sample: new File([new Uint8Array([82, 73, 70, 70])], 'sample.wav', { type: 'audio/wav' }),
        type: 'audio_sample',
      }),
    ours: () =>
      createVoice(ours, {
        name: 'Narrator',
        consent: 'cons_1',
        audio_sample: new File([new Uint8Array([82, 73, 70, 70])], 'sample.wav', { type: 'audio/wav' }),
        type: 'audio_sample',
      }),
  },
]

describe('audio conformance with the official openai client', () => {
  for (const c of cases)
    it(c.name, async () => {
      const theirs = await recordOne(mock, c.official)
      const mine = await recordOne(mock, c.ours)
      const expected = await multipartEssentials(theirs)
      expect(await multipartEssentials(mine)).toEqual(expected)
      expect(expected.authorization).toBe('Bearer sk-test')
    })

  it('results agree: speech bytes are the bytes sent, transcripts and events are equal', async () => {
    const theirs = new Uint8Array(await (await official.audio.speech.create(speech)).arrayBuffer())
    const mine = new Uint8Array(await new Response(await createSpeech(ours, speech)).arrayBuffer())
    expect(mine.byteLength).toBeGreaterThan(1000)
    expect(Buffer.from(mine).equals(Buffer.from(theirs))).toBe(true)
    const params = { model: 'whisper-1', file: wav(), response_format: 'verbose_json' } as const
    expect(await createTranscription(ours, params)).toEqual(
      await official.audio.transcriptions.create(params),
    )
    const streamed = { model: 'gpt-4o-mini-transcribe', file: wav(), stream: true } as const
    expect(await drain(await createTranscription(ours, streamed))).toEqual(
      await drain(await official.audio.transcriptions.create(streamed)),
    )
    expect(await createTranslation(ours, { model: 'whisper-1', file: wav(), response_format: 'text' })).toBe(
      await official.audio.translations.create({ model: 'whisper-1', file: wav(), response_format: 'text' }),
    )
  })
})
