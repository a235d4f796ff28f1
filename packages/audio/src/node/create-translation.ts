import type { APIPromise, Client, RequestOptions } from '@acme/openai-core'
import { type NodeUploadable, withNodeFiles } from '@acme/openai-core/multipart-node'
import { createTranslation as createTranslationAnywhere } from '../create-translation'
import type { Translation, TranslationCreateParams, TranslationVerbose } from '../types'

/** `createTranslation` params for Node: `file` may also be a path string, a `file:` URL or an `fs.ReadStream`. */
export type NodeTranslationCreateParams = Omit<TranslationCreateParams, 'file'> & {
  file: NodeUploadable | PromiseLike<NodeUploadable>
}

/**
 * `createTranslation` for Node: takes a path or an `fs.ReadStream` besides everything the main entry takes.
 *
 * @example const { text } = await createTranslation(client, { model: 'whisper-1', file: './interview.mp3' })
 */
export function createTranslation(
  client: Client,
  params: NodeTranslationCreateParams & { response_format: 'text' | 'srt' | 'vtt' },
  options?: RequestOptions,
): APIPromise<string>
export function createTranslation(
  client: Client,
  params: NodeTranslationCreateParams & { response_format: 'verbose_json' },
  options?: RequestOptions,
): APIPromise<TranslationVerbose>
export function createTranslation(
  client: Client,
  params: NodeTranslationCreateParams & { response_format?: 'json' },
  options?: RequestOptions,
): APIPromise<Translation>
export function createTranslation(
  client: Client,
  params: NodeTranslationCreateParams,
  options?: RequestOptions,
): APIPromise<Translation | TranslationVerbose | string>
export function createTranslation(
  client: Client,
  params: NodeTranslationCreateParams,
  options?: RequestOptions,
): APIPromise<any> {
  return createTranslationAnywhere(
    client,
    withNodeFiles(params, ['file']) as TranslationCreateParams,
    options,
  )
}
