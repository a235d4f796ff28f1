// @acme/openai-audio: speech downloaded as a byte stream (and as SSE events), a transcription (plain, with word
// timestamps, and streamed) and a translation, from in-memory audio; then a custom voice from a consent recording.
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

export default async function audioTour({ client, live, log }) {
  const audio = await createSpeech(client, {
    model: 'gpt-4o-mini-tts',
    voice: 'alloy',
    input: 'The quick brown fox jumps over the lazy dog.',
    response_format: 'wav',
  })
  let bytes = 0
  const chunks = []
  for (const reader = audio.getReader(); ; ) {
    const { done, value } = await reader.read()
    if (done) break
    bytes += value.byteLength
    chunks.push(value)
  }
  log('createSpeech: a ReadableStream of audio, read as it arrives', { bytes, chunks: chunks.length })

  const events = await createSpeech(client, {
    model: 'gpt-4o-mini-tts',
    voice: 'alloy',
    input: 'Hi',
    stream_format: 'sse',
  })
  const types = []
  for await (const event of events) types.push(event.type)
  log("createSpeech with stream_format: 'sse'", types)

  const recording = new Blob(chunks, { type: 'audio/wav' })
  const transcript = await createTranscription(client, {
    model: 'gpt-4o-transcribe',
    file: ['speech.wav', recording],
  })
  log('createTranscription from a Blob', transcript)

  const verbose = await createTranscription(client, {
    model: 'whisper-1',
    file: ['speech.wav', recording],
    response_format: 'verbose_json',
    timestamp_granularities: ['word'],
  })
  log(
    'createTranscription with word timestamps (sent as timestamp_granularities[])',
    verbose.words?.slice(0, 3),
  )

  let streamed = ''
  for await (const event of await createTranscription(client, {
    model: 'gpt-4o-mini-transcribe',
    file: ['speech.wav', recording],
    stream: true,
  }))
    if (event.type === 'transcript.text.delta') streamed += event.delta
  log('createTranscription with stream: true (deltas joined)', streamed)

  const english = await createTranslation(client, {
    model: 'whisper-1',
    file: ['speech.wav', recording],
    response_format: 'text',
  })
  log('createTranslation as text', english)

  // Custom voices are limited to eligible accounts: shown against the mock only.
  if (live) return log('custom voices', 'skipped against the real API (eligible accounts only)')
  const consent = await createVoiceConsent(client, {
    name: 'Demo Speaker',
    language: 'en-US',
    recording: ['consent.wav', recording],
  })
  const voice = await createVoice(client, {
    name: 'Demo voice',
    consent: consent.id,
    audio_sample: ['sample.wav', recording],
  })
  const consents = []
  for await (const item of listVoiceConsents(client)) consents.push(item.id)
  log('createVoiceConsent, createVoice (multipart uploads), listVoiceConsents', { voice, consents })
  await deleteVoice(client, voice.id)
  log('deleteVoice, deleteVoiceConsent', await deleteVoiceConsent(client, consent.id))
}
