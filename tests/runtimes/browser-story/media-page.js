// The browser media story: a page edits an image drawn on a canvas (a Blob from `canvas.toBlob`) and downloads
// speech, through its own backend's /v1 proxy. It holds no API key and does not set `dangerouslyAllowBrowser`.
import { createSpeech } from '@acme/openai-audio'
import { createClient } from '@acme/openai-core'
import { editImage, imageBlob } from '@acme/openai-images'

const status = document.getElementById('status')
const edited = document.getElementById('edited')
const speech = document.getElementById('speech')

async function run() {
  const client = createClient({ baseURL: new URL('/v1', location.href).href, maxRetries: 0 })
  status.textContent = 'editing'
  const canvas = document.createElement('canvas')
  canvas.width = 4
  canvas.height = 4
  const draw = canvas.getContext('2d')
  draw.fillStyle = '#3366ff'
  draw.fillRect(0, 0, 4, 4)
  const drawn = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'))
  const result = await editImage(client, { model: 'gpt-image-1', image: drawn, prompt: 'Add a hat' })
  // The browser decodes the answer: the bytes must be a real image.
  edited.src = URL.createObjectURL(imageBlob(result.data[0]))
  await edited.decode()
  edited.dataset.size = `${edited.naturalWidth}x${edited.naturalHeight}`
  edited.dataset.sent = String(drawn.size)

  status.textContent = 'speaking'
  const { data: audio, response } = await createSpeech(client, {
    model: 'gpt-4o-mini-tts',
    voice: 'alloy',
    input: 'Hello from the browser',
    response_format: 'wav',
  }).withResponse()
  const chunks = []
  let bytes = 0
  for (const reader = audio.getReader(); ; ) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value)
    bytes += value.byteLength
  }
  const wav = await new Blob(chunks).arrayBuffer()
  const decoded = await new OfflineAudioContext(1, 1, 24_000).decodeAudioData(wav)
  speech.dataset.bytes = String(bytes)
  speech.dataset.length = response.headers.get('content-length') ?? ''
  speech.dataset.duration = decoded.duration.toFixed(2)
  status.textContent = 'done'
}

run().catch((error) => {
  status.textContent = `failed: ${error.name}: ${error.message}${error.cause ? ` (cause: ${error.cause})` : ''}`
})
