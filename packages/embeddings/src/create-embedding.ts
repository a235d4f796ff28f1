import { type APIPromise, type Client, mapAPIPromise, type RequestOptions, request } from '@acme/openai-core'
import { decodeEmbedding, toNumbers } from './decode-embedding'
import type { CreateEmbeddingParams, CreateEmbeddingResponse, Embedding } from './types'

/** An embedding whose vector is a `Float32Array` (see {@link createEmbeddingFloat32}). */
export type Float32Embedding = Omit<Embedding, 'embedding'> & { embedding: Float32Array }

/** A `CreateEmbeddingResponse` whose vectors are `Float32Array`s. */
export type CreateEmbeddingFloat32Response = Omit<CreateEmbeddingResponse, 'data'> & {
  data: Float32Embedding[]
}

function send(
  client: Client,
  params: CreateEmbeddingParams,
  options: RequestOptions | undefined,
  operation: string,
) {
  return request<CreateEmbeddingResponse>(client, {
    ...options,
    operation,
    params,
    method: 'post',
    path: '/embeddings',
    body: params && { ...params, encoding_format: params.encoding_format || 'base64' },
  })
}

/** Applies `decode` to every base64 vector of a response, in place; numeric vectors are left as they are. */
function decodeAll<T>(data: CreateEmbeddingResponse, decode: (base64: string) => T): void {
  for (const item of data?.data ?? []) {
    const vector: unknown = item?.embedding
    if (typeof vector === 'string') (item as { embedding: unknown }).embedding = decode(vector)
  }
}

/**
 * Creates embeddings (`POST /embeddings`). Without an `encoding_format` it asks for base64 (a quarter of the bytes of
 * JSON numbers) and hands back numbers, as the official SDK does; with an explicit `encoding_format` the response
 * is returned as sent. For `Float32Array` vectors without the number conversion, use {@link createEmbeddingFloat32}.
 *
 * @example const { data } = await createEmbedding(client, { model: 'text-embedding-3-small', input: 'hello' })
 */
export function createEmbedding(
  client: Client,
  params: CreateEmbeddingParams,
  options?: RequestOptions,
): APIPromise<CreateEmbeddingResponse> {
  const promise = send(client, params, options, 'createEmbedding')
  if (params?.encoding_format) return promise
  return mapAPIPromise(promise, (data) => {
    decodeAll(data, (base64) => toNumbers(decodeEmbedding(base64)))
    return data
  })
}

/**
 * Creates embeddings like {@link createEmbedding} and hands each vector back as a `Float32Array` that views the
 * decoded bytes (no per-value copy): half the memory of numbers, ready for typed-array math. Always sends
 * `encoding_format: 'base64'`.
 *
 * @example const { data } = await createEmbeddingFloat32(client, { model: 'text-embedding-3-small', input: ['a', 'b'] })
 */
export function createEmbeddingFloat32(
  client: Client,
  params: Omit<CreateEmbeddingParams, 'encoding_format'>,
  options?: RequestOptions,
): APIPromise<CreateEmbeddingFloat32Response> {
  return mapAPIPromise(
    send(client, params && { ...params, encoding_format: 'base64' }, options, 'createEmbeddingFloat32'),
    (data) => {
      decodeAll(data, decodeEmbedding)
      for (const item of data?.data ?? [])
        if (Array.isArray(item?.embedding))
          (item as { embedding: unknown }).embedding = Float32Array.from(item.embedding)
      return data as unknown as CreateEmbeddingFloat32Response
    },
  )
}
