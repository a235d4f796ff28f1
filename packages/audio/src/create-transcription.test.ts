import { InvalidUploadError } from '@acme/openai-core/multipart'
import { describe, expect, expectTypeOf, test } from 'vitest'
import { client, mock, useMockClient } from '../../../tests/support/mock-client'
import { createTranscription } from './create-transcription'
import { createTranslation } from './create-translation'
import type { Transcription, TranscriptionStreamEvent, TranscriptionVerbose } from './types'

useMockClient()

const memo = () => new File([new Uint8Array(32_000)], 'memo.wav', { type: 'audio/wav' })
const fieldNames = () => [...mock.requests.at(-1)!.text.matchAll(/; name="([^"]+)"/g)].map((m) => m[1])

describe('createTranscription', () => {
  test('sends the file and fields as multipart and resolves to the transcription', async () => {
    const result = await createTranscription(client, {
      model: 'gpt-4o-transcribe',
      file: memo(),
      language: 'en',
    })
    expectTypeOf(result).toEqualTypeOf<Transcription>()
    expect(result.text).toContain('memo.wav')
    expect(fieldNames()).toEqual(['model', 'file', 'language'])
  })

  test('arrays go as name[] fields after the others, as the official SDK sends them', async () => {
    const result = await createTranscription(client, {
      model: 'whisper-1',
      file: memo(),
      response_format: 'verbose_json',
      timestamp_granularities: ['word', 'segment'],
      include: ['logprobs'],
    })
    expectTypeOf(result).toEqualTypeOf<TranscriptionVerbose>()
    expect(result.words?.length).toBeGreaterThan(0)
    expect(fieldNames()).toEqual([
      'model',
      'file',
      'response_format',
      'timestamp_granularities[]',
      'timestamp_granularities[]',
      'include[]',
    ])
  })

  test('text, srt and vtt resolve to strings', async () => {
    const text = await createTranscription(client, {
      model: 'whisper-1',
      file: memo(),
      response_format: 'text',
    })
    expectTypeOf(text).toEqualTypeOf<string>()
    expect(text).toContain('mock transcript')
    const vtt = await createTranscription(client, {
      model: 'whisper-1',
      file: memo(),
      response_format: 'vtt',
    })
    expect(vtt.startsWith('WEBVTT')).toBe(true)
  })

  test('stream: true gives typed transcript events ending with the full text', async () => {
    async function* chunks() {
      for (let i = 0; i < 4; i++) yield new Uint8Array(8000)
    }
    const stream = await createTranscription(client, {
      model: 'gpt-4o-mini-transcribe',
      file: ['note.webm', chunks(), 'audio/webm'],
      stream: true,
    })
    const events: TranscriptionStreamEvent[] = []
    for await (const event of stream) events.push(event)
    const done = events.at(-1)!
    expect(done.type).toBe('transcript.text.done')
    const deltas = events.flatMap((e) => (e.type === 'transcript.text.delta' ? [e.delta] : []))
    if (done.type === 'transcript.text.done') expect(deltas.join('')).toBe(done.text)
    expect(done.type === 'transcript.text.done' && done.text).toContain('note.webm (32000 bytes)')
  })

  test('a missing file fails before sending', async () => {
    const before = mock.requests.length
    const error = await createTranscription(client, { model: 'whisper-1' } as any).catch((e) => e)
    expect(error).toBeInstanceOf(InvalidUploadError)
    expect(mock.requests.length).toBe(before)
  })
})

describe('createTranslation', () => {
  test('sends the file as multipart and resolves to English text', async () => {
    const result = await createTranslation(client, {
      model: 'whisper-1',
      file: ['talk.mp3', new Uint8Array(10)],
    })
    expect(result.text).toContain('talk.mp3')
    expect(mock.requests.at(-1)!.path).toBe('/v1/audio/translations')
    const srt = await createTranslation(client, { model: 'whisper-1', file: memo(), response_format: 'srt' })
    expect(srt.startsWith('1\n00:00:00,000 --> ')).toBe(true)
  })
})
