import {
  type APIPromise,
  type Client,
  type RequestOptions,
  type Stream,
  toAPIPromise,
} from '@acme/openai-core'
import { sendMultipart } from '@acme/openai-core/multipart'
import type {
  Transcription,
  TranscriptionCreateParams,
  TranscriptionCreateParamsNonStreaming,
  TranscriptionCreateParamsStreaming,
  TranscriptionDiarized,
  TranscriptionStreamEvent,
  TranscriptionVerbose,
} from './types'

/**
 * Transcribes audio (`POST /audio/transcriptions`, multipart). `file` is anything `uploadFile` accepts (a `File`,
 * `Blob`, bytes, a `Response`, a named stream, a tuple; a path through `@acme/openai-audio/node`); a stream is sent
 * as it is read, never held in memory. Arrays (`include`, `timestamp_granularities`, `known_speaker_names`, ...)
 * go as `name[]` fields, as the official SDK sends them. Resolves to the transcription object, or to a string for
 * `response_format` `text`, `srt` and `vtt`; with `stream: true`, to a stream of `transcript.text.delta` (and, when
 * diarizing, `transcript.text.segment`) events ending with `transcript.text.done`.
 *
 * @example const { text } = await createTranscription(client, { model: 'gpt-4o-transcribe', file: voiceNote })
 */
export function createTranscription(
  client: Client,
  params: TranscriptionCreateParamsStreaming,
  options?: RequestOptions,
): APIPromise<Stream<TranscriptionStreamEvent>>
export function createTranscription(
  client: Client,
  params: TranscriptionCreateParamsNonStreaming & { response_format: 'text' | 'srt' | 'vtt' },
  options?: RequestOptions,
): APIPromise<string>
export function createTranscription(
  client: Client,
  params: TranscriptionCreateParamsNonStreaming & { response_format: 'verbose_json' },
  options?: RequestOptions,
): APIPromise<TranscriptionVerbose>
export function createTranscription(
  client: Client,
  params: TranscriptionCreateParamsNonStreaming & { response_format: 'diarized_json' },
  options?: RequestOptions,
): APIPromise<TranscriptionDiarized>
export function createTranscription(
  client: Client,
  params: TranscriptionCreateParamsNonStreaming & { response_format?: 'json' },
  options?: RequestOptions,
): APIPromise<Transcription>
export function createTranscription(
  client: Client,
  params: TranscriptionCreateParams,
  options?: RequestOptions,
): APIPromise<
  Stream<TranscriptionStreamEvent> | Transcription | TranscriptionVerbose | TranscriptionDiarized | string
>
export function createTranscription(
  client: Client,
  params: TranscriptionCreateParams,
  options?: RequestOptions,
): APIPromise<any> {
  return toAPIPromise(
    sendMultipart(
      client,
      {
        operation: 'createTranscription',
        path: '/audio/transcriptions',
        files: ['file'],
        params: { ...params },
        stream: params?.stream === true,
      },
      options,
    ),
  )
}
