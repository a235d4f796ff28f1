import { contentText } from '../generate/content-text'
import { countTokens } from '../generate/reply-text'
import { isRecord } from '../is-record'
import { nextId } from '../mock-state'
import { sendError, sendJson } from '../reply'
import type { RouteContext } from '../route'
import { sampleOfSchema } from './resources'
import { SCHEMAS } from './route-table'
import { resolveSchema } from './schema-check'

/** Dimensions of a mock embedding when the request sets none (the size of `text-embedding-3-small`). */
export const DEFAULT_DIMENSIONS = 1536

/** The inputs of an embeddings or moderations request as texts (token arrays become their numbers joined). */
function inputTexts(input: unknown): string[] {
  if (typeof input === 'string') return [input]
  if (!Array.isArray(input)) return []
  if (input.every((x) => typeof x === 'number')) return [input.join(' ')]
  return input.map((x) => (typeof x === 'string' ? x : Array.isArray(x) ? x.join(' ') : contentText([x])))
}

/** A deterministic unit vector for `text`: the same text always embeds the same. */
export function mockEmbedding(text: string, dimensions: number): Float32Array {
  let seed = 2166136261
  for (let i = 0; i < text.length; i++) seed = Math.imul(seed ^ text.charCodeAt(i), 16777619)
  const vector = new Float32Array(dimensions)
  let norm = 0
  for (let i = 0; i < dimensions; i++) {
    seed = Math.imul(seed ^ (seed >>> 15), 2246822507) + i
    const value = ((seed >>> 0) / 4294967296) * 2 - 1
    vector[i] = value
    norm += value * value
  }
  const scale = 1 / Math.sqrt(norm || 1)
  for (let i = 0; i < dimensions; i++) vector[i] *= scale
  return vector
}

/**
 * The `POST /v1/embeddings` answer: one vector per input, as numbers or (with `encoding_format: 'base64'`) the
 * little-endian float32 bytes in base64, as the real API sends them.
 */
export function embeddingBody(body: Record<string, unknown>): Record<string, unknown> {
  const texts = inputTexts(body.input)
  const dimensions = typeof body.dimensions === 'number' ? body.dimensions : DEFAULT_DIMENSIONS
  const base64 = body.encoding_format === 'base64'
  const tokens = texts.reduce((sum, text) => sum + countTokens(text), 0)
  return {
    object: 'list',
    data: texts.map((text, index) => {
      const vector = mockEmbedding(text, dimensions)
      const embedding = base64
        ? Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString('base64')
        : Array.from(vector)
      return { object: 'embedding', index, embedding }
    }),
    model: body.model,
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  }
}

/** `POST /v1/embeddings`. */
export function createEmbedding(ctx: RouteContext) {
  const body = isRecord(ctx.request.json) ? ctx.request.json : {}
  if (typeof body.model !== 'string' || !body.model)
    return sendError(ctx.res, 400, "Missing required parameter: 'model'.", { param: 'model' })
  if (inputTexts(body.input).length === 0 || inputTexts(body.input).some((t) => t === ''))
    return sendError(ctx.res, 400, "Invalid 'input': expected a non-empty string or array.", {
      param: 'input',
    })
  const format = body.encoding_format
  if (format !== undefined && format !== 'float' && format !== 'base64')
    return sendError(ctx.res, 400, "Invalid 'encoding_format': expected 'float' or 'base64'.", {
      param: 'encoding_format',
    })
  const dimensions = body.dimensions
  if (dimensions !== undefined && !(Number.isInteger(dimensions) && (dimensions as number) >= 1))
    return sendError(ctx.res, 400, "Invalid 'dimensions': expected an integer >= 1.", { param: 'dimensions' })
  sendJson(ctx.res, 200, embeddingBody(body))
}

/** Words that make the mock flag an input, and the category they flag. */
const FLAGGED: Array<[RegExp, string]> = [
  [/\b(kill|attack|violence)\b/i, 'violence'],
  [/\bhate\b/i, 'hate'],
]

/** The `POST /v1/moderations` answer: nothing flagged unless the text names violence or hate. */
export function moderationBody(ctx: RouteContext, body: Record<string, unknown>): Record<string, unknown> {
  const resultSchema = resolveSchema(SCHEMAS.CreateModerationResponse)?.properties?.results?.items
  const template = sampleOfSchema(resultSchema)
  const results = inputTexts(body.input).map((text) => {
    const result = structuredClone(template) as Record<string, Record<string, unknown>>
    const hit = FLAGGED.find(([pattern]) => pattern.test(text))?.[1]
    for (const key of Object.keys(result.categories ?? {})) result.categories[key] = key === hit
    for (const key of Object.keys(result.category_scores ?? {}))
      result.category_scores[key] = key === hit ? 0.92 : 0.0001
    for (const key of Object.keys(result.category_applied_input_types ?? {}))
      result.category_applied_input_types[key] = ['text']
    return { ...result, flagged: hit !== undefined }
  })
  return { id: nextId(ctx.state, 'modr', '-'), model: body.model ?? 'omni-moderation-latest', results }
}

/** `POST /v1/moderations`. */
export function createModeration(ctx: RouteContext) {
  const body = isRecord(ctx.request.json) ? ctx.request.json : {}
  if (inputTexts(body.input).length === 0)
    return sendError(ctx.res, 400, "Missing required parameter: 'input'.", { param: 'input' })
  sendJson(ctx.res, 200, moderationBody(ctx, body))
}
