import { type APIPromise, type Client, type RequestOptions, toAPIPromise } from '@acme/openai-core'
import { sendMultipart } from '@acme/openai-core/multipart'
import type { Translation, TranslationCreateParams, TranslationVerbose } from './types'

/**
 * Translates audio into English text (`POST /audio/translations`, multipart, whisper-1). `file` takes the same inputs
 * as `createTranscription`. Resolves to `{ text }`, the verbose object for `verbose_json`, or a string for `text`,
 * `srt` and `vtt`.
 *
 * @example const { text } = await createTranslation(client, { model: 'whisper-1', file: ['talk.mp3', bytes] })
 */
export function createTranslation(
  client: Client,
  params: TranslationCreateParams & { response_format: 'text' | 'srt' | 'vtt' },
  options?: RequestOptions,
): APIPromise<string>
export function createTranslation(
  client: Client,
  params: TranslationCreateParams & { response_format: 'verbose_json' },
  options?: RequestOptions,
): APIPromise<TranslationVerbose>
export function createTranslation(
  client: Client,
  params: TranslationCreateParams & { response_format?: 'json' },
  options?: RequestOptions,
): APIPromise<Translation>
export function createTranslation(
  client: Client,
  params: TranslationCreateParams,
  options?: RequestOptions,
): APIPromise<Translation | TranslationVerbose | string>
export function createTranslation(
  client: Client,
  params: TranslationCreateParams,
  options?: RequestOptions,
): APIPromise<any> {
  return toAPIPromise(
    sendMultipart(
      client,
      { operation: 'createTranslation', path: '/audio/translations', files: ['file'], params: { ...params } },
      options,
    ),
  )
}
