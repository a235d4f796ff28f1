import {
  type APIPromise,
  type Client,
  mapAPIPromise,
  type RequestOptions,
  request,
  type Stream,
} from '@acme/openai-core'
import type {
  SpeechCreateParams,
  SpeechCreateParamsAudio,
  SpeechCreateParamsSSE,
  SpeechStreamEvent,
} from './types'

/**
 * Turns text into speech (`POST /audio/speech`). Resolves, once the headers arrive, to a `ReadableStream` of the
 * audio bytes (`response_format`, mp3 by default), read from the network only as you consume it: pipe it to a file,
 * a `Response` or an audio element without holding it whole. Cancel it (or abort `options.signal`) to stop. With
 * `stream_format: 'sse'`, resolves to a stream of `speech.audio.delta` events (base64 audio) and one
 * `speech.audio.done` event instead. `.withResponse()` gives the headers (`content-type`).
 *
 * @example const audio = await createSpeech(client, { model: 'gpt-4o-mini-tts', voice: 'alloy', input: 'Hello' })
 */
export function createSpeech(
  client: Client,
  params: SpeechCreateParamsSSE,
  options?: RequestOptions,
): APIPromise<Stream<SpeechStreamEvent>>
export function createSpeech(
  client: Client,
  params: SpeechCreateParamsAudio,
  options?: RequestOptions,
): APIPromise<ReadableStream<Uint8Array>>
export function createSpeech(
  client: Client,
  params: SpeechCreateParams,
  options?: RequestOptions,
): APIPromise<Stream<SpeechStreamEvent> | ReadableStream<Uint8Array>>
export function createSpeech(
  client: Client,
  params: SpeechCreateParams,
  options?: RequestOptions,
): APIPromise<Stream<SpeechStreamEvent> | ReadableStream<Uint8Array>> {
  const sse = params?.stream_format === 'sse'
  const promise = request<any>(client, {
    ...options,
    method: 'post',
    operation: 'createSpeech',
    path: '/audio/speech',
    body: params,
    stream: sse,
    binary: !sse,
    // What the official SDK asks for, both ways: the API picks the format from `stream_format`.
    operationHeaders: { accept: 'application/octet-stream' },
  })
  return sse
    ? promise
    : mapAPIPromise(promise, (response: Response) => response.body ?? new Blob([]).stream())
}
