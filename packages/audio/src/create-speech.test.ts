import { BadRequestError } from '@acme/openai-core'
import { describe, expect, expectTypeOf, test } from 'vitest'
import { client, mock, useMockClient } from '../../../tests/support/mock-client'
import { createSpeech } from './create-speech'
import type { SpeechStreamEvent } from './types'

useMockClient()

describe('createSpeech', () => {
  test('resolves to a byte stream of the audio, read as it is consumed; the body is JSON', async () => {
    const { data: audio, response } = await createSpeech(client, {
      model: 'gpt-4o-mini-tts',
      voice: 'alloy',
      input: 'Hello there',
      response_format: 'wav',
    }).withResponse()
    expectTypeOf(audio).toEqualTypeOf<ReadableStream<Uint8Array>>()
    expect(response.headers.get('content-type')).toBe('audio/wav')
    const request = mock.requests.at(-1)!
    expect([request.path, request.headers.accept]).toEqual(['/v1/audio/speech', 'application/octet-stream'])
    expect(request.json).toEqual({
      model: 'gpt-4o-mini-tts',
      voice: 'alloy',
      input: 'Hello there',
      response_format: 'wav',
    })
    const bytes = new Uint8Array(await new Response(audio).arrayBuffer())
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('RIFF')
    expect(bytes.byteLength).toBe(Number(response.headers.get('content-length')))
  })

  test('a long answer arrives in pieces and cancelling stops it', async () => {
    const audio = await createSpeech(
      client,
      { model: 'tts-1', voice: 'alloy', input: 'x' },
      { headers: { 'x-mock-audio-seconds': '600' } },
    )
    const reader = audio.getReader()
    const first = await reader.read()
    expect([first.value![0], first.value![1]]).toEqual([0xff, 0xfb]) // an MPEG audio frame
    await reader.cancel()
  })

  test("stream_format: 'sse' gives typed delta events and a done event with usage", async () => {
    const stream = await createSpeech(client, {
      model: 'gpt-4o-mini-tts',
      voice: 'alloy',
      input: 'Hello',
      response_format: 'pcm',
      stream_format: 'sse',
    })
    const events: SpeechStreamEvent[] = []
    for await (const event of stream) events.push(event)
    expect(events.at(-1)!.type).toBe('speech.audio.done')
    const deltas = events.filter((e) => e.type === 'speech.audio.delta')
    expect(deltas.length).toBeGreaterThan(0)
    const done = events.at(-1)!
    if (done.type === 'speech.audio.done') expect(done.usage.total_tokens).toBeGreaterThan(0)
  })

  test('a refused request is a typed error naming the parameter', async () => {
    const error = await createSpeech(client, { model: 'tts-1', voice: 'alloy', input: '' }).catch((e) => e)
    expect(error).toBeInstanceOf(BadRequestError)
    expect(error.param).toBe('input')
  })
})
