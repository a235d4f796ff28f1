import type { ServerResponse } from 'node:http'
import { readMediaForm } from '../media/form-checks'
import { MP3_FRAME, MP3_FRAME_SECONDS, PCM_BYTES_PER_SECOND, pcmTone, wavHeader } from '../media/media-bytes'
import { sendError, sendJson } from '../reply'
import type { Route, RouteContext } from '../route'
import { openEventStream, sseFrame, writeChunk } from '../sse'

/** Test hook: how many seconds of speech to synthesise, whatever the input (e.g. a 200 MB download). */
export const AUDIO_SECONDS_HEADER = 'x-mock-audio-seconds'

const SPEECH_TYPES: Record<string, string> = {
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  pcm: 'audio/pcm',
  opus: 'audio/opus',
  aac: 'audio/aac',
  flac: 'audio/flac',
}

/** Writes `total` bytes made by `chunk(offset, size)` in 64 KB pieces, honouring backpressure. */
async function writeGenerated(
  res: ServerResponse,
  total: number,
  chunk: (offset: number, size: number) => Buffer,
) {
  for (let offset = 0; offset < total; ) {
    const size = Math.min(65_536, total - offset)
    if (!(await writeChunk(res, chunk(offset, size) as unknown as string))) return false
    offset += size
  }
  return true
}

/** The body of a speech answer: a WAV (header + tone), raw PCM, or silent MP3 frames (mp3 and the other formats). */
function speechBytes(format: string, seconds: number) {
  if (format === 'wav' || format === 'pcm') {
    const samples = Math.floor(seconds * PCM_BYTES_PER_SECOND) & ~1
    const head = format === 'wav' ? wavHeader(samples) : Buffer.alloc(0)
    const total = head.length + samples
    const chunk = (offset: number, size: number) => {
      if (offset >= head.length) return pcmTone(offset - head.length, size)
      return Buffer.concat([head.subarray(offset), pcmTone(0, size - (head.length - offset))])
    }
    return { total, chunk }
  }
  const frames = Math.max(1, Math.ceil(seconds / MP3_FRAME_SECONDS))
  const total = frames * MP3_FRAME.length
  const chunk = (offset: number, size: number) => {
    const out = Buffer.alloc(size)
    for (let i = 0; i < size; ) {
      const at = (offset + i) % MP3_FRAME.length
      i += MP3_FRAME.copy(out, i, at, Math.min(MP3_FRAME.length, at + size - i))
    }
    return out
  }
  return { total, chunk }
}

/** `POST /v1/audio/speech`: audio bytes as they are made, or `speech.audio.delta` events for `stream_format: 'sse'`. */
export async function createSpeech({ req, res, request }: RouteContext): Promise<void> {
  const body = request.json as Record<string, unknown> | undefined
  if (typeof body !== 'object' || body === null) return sendError(res, 400, 'Send a JSON object.')
  for (const name of ['model', 'input', 'voice'])
    if (body[name] === undefined || body[name] === '')
      return sendError(res, 400, `Missing required parameter: '${name}'.`, { param: name })
  const input = String(body.input)
  if (input.length > 4096)
    return sendError(res, 400, `'input' is ${input.length} characters; the maximum is 4096.`, {
      param: 'input',
    })
  const format = String(body.response_format ?? 'mp3')
  if (!SPEECH_TYPES[format])
    return sendError(res, 400, `'${format}' is not a supported response_format.`, {
      param: 'response_format',
    })
  const speed = Number(body.speed ?? 1) || 1
  const asked = Number(req.headers[AUDIO_SECONDS_HEADER])
  const seconds = asked > 0 ? asked : Math.max(0.5, (input.length * 0.06) / speed)
  const { total, chunk } = speechBytes(format === 'wav' ? 'pcm' : format, seconds)
  if (body.stream_format === 'sse') {
    openEventStream(res)
    for (let offset = 0; offset < total; offset += 24_000) {
      const delta = {
        type: 'speech.audio.delta',
        audio: chunk(offset, Math.min(24_000, total - offset)).toString('base64'),
      }
      if (!(await writeChunk(res, sseFrame(JSON.stringify(delta))))) return
    }
    const tokens = Math.ceil(input.length / 4)
    const done = {
      type: 'speech.audio.done',
      usage: {
        input_tokens: tokens,
        output_tokens: Math.ceil(seconds * 20),
        total_tokens: tokens + Math.ceil(seconds * 20),
      },
    }
    if (await writeChunk(res, sseFrame(JSON.stringify(done)))) res.end()
    return
  }
  const generated = format === 'wav' ? speechBytes('wav', seconds) : { total, chunk }
  res.writeHead(200, { 'content-type': SPEECH_TYPES[format], 'content-length': String(generated.total) })
  if (await writeGenerated(res, generated.total, generated.chunk)) res.end()
}

/** What the mock "hears": a sentence naming the file, so a test can tell which upload a transcript belongs to. */
function heard(filename: string, bytes: number): string {
  return `This is the mock transcript of ${filename} (${bytes} bytes).`
}

const seconds = (bytes: number) => Math.max(1, Math.round(bytes / 16_000))

function subtitles(text: string, duration: number, format: 'srt' | 'vtt'): string {
  const time = (s: number) =>
    `${new Date(s * 1000).toISOString().slice(11, 19)}${format === 'srt' ? ',' : '.'}000`
  const cue = `${time(0)} --> ${time(duration)}\n${text}\n`
  return format === 'srt' ? `1\n${cue}\n` : `WEBVTT\n\n${cue}\n`
}

/** `POST /v1/audio/transcriptions`: multipart `file` + `model`; every response format, and transcript events. */
export async function createTranscription(ctx: RouteContext): Promise<void> {
  const form = await readMediaForm(ctx, { files: { file: 'required' }, text: ['model'] })
  if (!form) return
  const { res } = ctx
  const [file] = form.files.file
  const { model } = form.fields
  const format = form.fields.response_format ?? 'json'
  const text = heard(file.filename, file.bytes)
  const duration = seconds(file.bytes)
  const logprobs = form.lists.include?.includes('logprobs')
  const words = text.split(' ')
  const usage = {
    type: 'tokens',
    input_tokens: duration * 10,
    output_tokens: words.length,
    total_tokens: duration * 10 + words.length,
  }
  if (form.fields.stream === 'true') {
    if (model === 'whisper-1')
      return sendError(res, 400, 'Streaming is not supported for whisper-1.', { param: 'stream' })
    openEventStream(res)
    for (const [i, word] of words.entries()) {
      const delta = i ? ` ${word}` : word
      const event = {
        type: 'transcript.text.delta',
        delta,
        ...(logprobs ? { logprobs: [{ token: delta, logprob: -0.01, bytes: [...Buffer.from(delta)] }] } : {}),
      }
      if (!(await writeChunk(res, sseFrame(JSON.stringify(event))))) return
    }
    const done = { type: 'transcript.text.done', text, ...(logprobs ? { logprobs: [] } : {}), usage }
    if (await writeChunk(res, sseFrame(JSON.stringify(done)))) res.end()
    return
  }
  if (format === 'text') return sendText(res, `${text}\n`)
  if (format === 'srt' || format === 'vtt') return sendText(res, subtitles(text, duration, format))
  const segment = {
    id: 0,
    seek: 0,
    start: 0,
    end: duration,
    text,
    tokens: [1],
    temperature: 0,
    avg_logprob: -0.1,
    compression_ratio: 1,
    no_speech_prob: 0.01,
  }
  if (format === 'verbose_json') {
    const granularities = form.lists.timestamp_granularities ?? ['segment']
    const step = duration / words.length
    return sendJson(res, 200, {
      task: 'transcribe',
      language: form.fields.language ?? 'english',
      duration,
      text,
      ...(granularities.includes('word')
        ? { words: words.map((word, i) => ({ word, start: i * step, end: (i + 1) * step })) }
        : {}),
      ...(granularities.includes('segment') ? { segments: [segment] } : {}),
      usage: { type: 'duration', seconds: duration },
    })
  }
  if (format === 'diarized_json') {
    const speaker = form.lists.known_speaker_names?.[0] ?? 'A'
    return sendJson(res, 200, {
      task: 'transcribe',
      duration,
      text,
      segments: [{ type: 'transcript.text.segment', id: 'seg_0', start: 0, end: duration, text, speaker }],
      usage,
    })
  }
  if (format !== 'json')
    return sendError(res, 400, `'${format}' is not a supported response_format.`, {
      param: 'response_format',
    })
  sendJson(res, 200, {
    text,
    ...(logprobs
      ? { logprobs: words.map((w) => ({ token: w, logprob: -0.01, bytes: [...Buffer.from(w)] })) }
      : {}),
    usage: model === 'whisper-1' ? { type: 'duration', seconds: duration } : usage,
  })
}

/** `POST /v1/audio/translations`: multipart `file` + `model`; English text in the asked format. */
export async function createTranslation(ctx: RouteContext): Promise<void> {
  const form = await readMediaForm(ctx, { files: { file: 'required' }, text: ['model'] })
  if (!form) return
  const [file] = form.files.file
  const text = heard(file.filename, file.bytes)
  const duration = seconds(file.bytes)
  const format = form.fields.response_format ?? 'json'
  if (format === 'text') return sendText(ctx.res, `${text}\n`)
  if (format === 'srt' || format === 'vtt') return sendText(ctx.res, subtitles(text, duration, format))
  if (format === 'verbose_json')
    return sendJson(ctx.res, 200, { language: 'english', duration, text, segments: [] })
  sendJson(ctx.res, 200, { text })
}

function sendText(res: ServerResponse, text: string): void {
  res.writeHead(200, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
  })
  res.end(text)
}

/** Routes of the audio area. */
export const audioRoutes: readonly Route[] = [
  { method: 'POST', path: '/v1/audio/speech', handle: createSpeech },
  { method: 'POST', path: '/v1/audio/transcriptions', handle: createTranscription, streamBody: true },
  { method: 'POST', path: '/v1/audio/translations', handle: createTranslation, streamBody: true },
]
