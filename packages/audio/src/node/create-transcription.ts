import type { APIPromise, Client, RequestOptions, Stream } from '@acme/openai-core'
import { type NodeUploadable, withNodeFiles } from '@acme/openai-core/multipart-node'
import { createTranscription as createTranscriptionAnywhere } from '../create-transcription'
import type {
  Transcription,
  TranscriptionCreateParams,
  TranscriptionDiarized,
  TranscriptionStreamEvent,
  TranscriptionVerbose,
} from '../types'

/** `createTranscription` params for Node: `file` may also be a path string, a `file:` URL or an `fs.ReadStream`. */
export type NodeTranscriptionCreateParams = Omit<TranscriptionCreateParams, 'file'> & {
  file: NodeUploadable | PromiseLike<NodeUploadable>
}

/**
 * `createTranscription` for Node: a path is read lazily from disk (and can be retried), an `fs.ReadStream` is
 * streamed once; everything else as the main entry.
 *
 * @example const { text } = await createTranscription(client, { model: 'whisper-1', file: './memo.m4a' })
 */
export function createTranscription(
  client: Client,
  params: NodeTranscriptionCreateParams & { stream: true },
  options?: RequestOptions,
): APIPromise<Stream<TranscriptionStreamEvent>>
export function createTranscription(
  client: Client,
  params: NodeTranscriptionCreateParams & { stream?: false | null; response_format: 'text' | 'srt' | 'vtt' },
  options?: RequestOptions,
): APIPromise<string>
export function createTranscription(
  client: Client,
  params: NodeTranscriptionCreateParams & { stream?: false | null; response_format: 'verbose_json' },
  options?: RequestOptions,
): APIPromise<TranscriptionVerbose>
export function createTranscription(
  client: Client,
  params: NodeTranscriptionCreateParams & { stream?: false | null; response_format: 'diarized_json' },
  options?: RequestOptions,
): APIPromise<TranscriptionDiarized>
export function createTranscription(
  client: Client,
  params: NodeTranscriptionCreateParams & { stream?: false | null; response_format?: 'json' },
  options?: RequestOptions,
): APIPromise<Transcription>
export function createTranscription(
  client: Client,
  params: NodeTranscriptionCreateParams,
  options?: RequestOptions,
): APIPromise<
  Stream<TranscriptionStreamEvent> | Transcription | TranscriptionVerbose | TranscriptionDiarized | string
>
export function createTranscription(
  client: Client,
  params: NodeTranscriptionCreateParams,
  options?: RequestOptions,
): APIPromise<any> {
  return createTranscriptionAnywhere(
    client,
    withNodeFiles(params, ['file']) as TranscriptionCreateParams,
    options,
  )
}
