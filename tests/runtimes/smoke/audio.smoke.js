// @acme/openai-audio (main entry) on every runtime: speech as a byte stream and as SSE events, a transcription
// (plain, with array fields, and streamed), a translation from in-memory audio, and a custom voice made from a
// consent recording. Paths (`./node`) are covered by the package's own tests.
import {
  createSpeech,
  createTranscription,
  createTranslation,
  createVoice,
  createVoiceConsent,
  deleteVoice,
  deleteVoiceConsent,
  listVoiceConsents,
} from '@acme/openai-audio'
import { createClient } from '@acme/openai-core'
import { checklist, equal } from './checklist.js'

/** Runs the Audio checks against the mock server at `baseURL`; throws on the first failure. */
export async function smoke({ baseURL, apiKey }) {
  const list = checklist()
  const client = createClient({ apiKey, baseURL, maxRetries: 0, dangerouslyAllowBrowser: true })
  let wav

  await list.check('createSpeech resolves to a byte stream of a WAV', async () => {
    const audio = await createSpeech(client, {
      model: 'tts-1',
      voice: 'alloy',
      input: 'Hello',
      response_format: 'wav',
    })
    wav = new Uint8Array(await new Response(audio).arrayBuffer())
    equal([new TextDecoder().decode(wav.subarray(0, 4)), wav.byteLength > 44], ['RIFF', true], 'WAV')
  })

  await list.check("createSpeech with stream_format: 'sse' gives typed events", async () => {
    const types = new Set()
    for await (const event of await createSpeech(client, {
      model: 'gpt-4o-mini-tts',
      voice: 'alloy',
      input: 'Hi',
      stream_format: 'sse',
    }))
      types.add(event.type)
    equal([...types], ['speech.audio.delta', 'speech.audio.done'], 'events')
  })

  await list.check('createTranscription sends a Blob with array fields', async () => {
    const result = await createTranscription(client, {
      model: 'whisper-1',
      file: new File([wav], 'hello.wav', { type: 'audio/wav' }),
      response_format: 'verbose_json',
      timestamp_granularities: ['word'],
    })
    equal([result.text.includes('hello.wav'), result.words.length > 0], [true, true], 'transcript')
  })

  await list.check('createTranscription with stream: true gives transcript events', async () => {
    let text = ''
    let done
    for await (const event of await createTranscription(client, {
      model: 'gpt-4o-mini-transcribe',
      file: ['note.wav', wav, 'audio/wav'],
      stream: true,
    }))
      if (event.type === 'transcript.text.delta') text += event.delta
      else done = event.text
    equal(text, done, 'deltas add up to the final text')
  })

  await list.check('createTranslation answers with text', async () => {
    const text = await createTranslation(client, {
      model: 'whisper-1',
      file: ['talk.wav', wav],
      response_format: 'text',
    })
    equal(text.includes('talk.wav'), true, 'translation')
  })

  await list.check('a custom voice: consent and sample uploaded as multipart, listed, deleted', async () => {
    const recording = new File([wav], 'consent.wav', { type: 'audio/wav' })
    const consent = await createVoiceConsent(client, { name: 'Smoke', language: 'en-US', recording })
    const voice = await createVoice(client, { name: 'v', consent: consent.id, audio_sample: ['s.wav', wav] })
    const ids = []
    for await (const item of listVoiceConsents(client, { limit: 1 })) ids.push(item.id)
    const deleted = [
      (await deleteVoice(client, voice.id)).deleted,
      (await deleteVoiceConsent(client, consent.id)).deleted,
    ]
    equal([voice.object, ids.includes(consent.id), deleted], ['audio.voice', true, [true, true]], 'voice')
  })

  return list.report()
}
