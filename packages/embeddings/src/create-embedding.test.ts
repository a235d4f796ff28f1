import { createClient } from '@acme/openai-core'
import OpenAI from 'openai'
import { describe, expect, it } from 'vitest'
import { client, mock, useMockClient } from '../../../tests/support/mock-client'
import { createEmbedding, createEmbeddingFloat32 } from './create-embedding'

useMockClient()

describe('createEmbedding', () => {
  it('asks for base64 when the caller sets no encoding and hands back the same numbers the float encoding gives', async () => {
    const decoded = await createEmbedding(client, {
      model: 'text-embedding-3-small',
      input: ['hello', 'world'],
    })
    expect(mock.requests[0].json).toEqual({
      model: 'text-embedding-3-small',
      input: ['hello', 'world'],
      encoding_format: 'base64',
    })
    const floats = await createEmbedding(client, {
      model: 'text-embedding-3-small',
      input: ['hello', 'world'],
      encoding_format: 'float',
    })
    expect(mock.requests[1].json).toMatchObject({ encoding_format: 'float' })
    expect(decoded.data).toHaveLength(2)
    expect(Array.isArray(decoded.data[0].embedding)).toBe(true)
    expect(decoded.data[0].embedding).toHaveLength(1536)
    expect(decoded).toEqual(floats)
  })

  it('returns base64 untouched when the caller asked for it', async () => {
    const res = await createEmbedding(client, {
      model: 'text-embedding-3-small',
      input: 'hi',
      encoding_format: 'base64',
    })
    expect(typeof res.data[0].embedding).toBe('string')
  })

  it('gives what the official SDK gives for the same call', async () => {
    const official = new OpenAI({ apiKey: 'sk-test', baseURL: mock.baseURL, maxRetries: 0 })
    const theirs = await official.embeddings.create({
      model: 'text-embedding-3-small',
      input: 'same text',
      dimensions: 64,
    })
    const ours = await createEmbedding(client, {
      model: 'text-embedding-3-small',
      input: 'same text',
      dimensions: 64,
    })
    expect(mock.requests[1].json).toEqual(mock.requests[0].json)
    expect(ours).toEqual(theirs)
  })

  it('keeps withResponse()', async () => {
    const { data, response } = await createEmbedding(client, { model: 'm', input: 'x' }).withResponse()
    expect(response.status).toBe(200)
    expect(data.data[0].embedding).toHaveLength(1536)
  })

  it('throws the missing-client error before sending', () => {
    expect(() => createEmbedding(undefined as never, { model: 'm', input: 'x' })).toThrow(/createEmbedding/)
  })
})

describe('createEmbeddingFloat32', () => {
  it('hands back Float32Array vectors equal to the numbers', async () => {
    const numbers = await createEmbedding(client, { model: 'm', input: ['a', 'b'], dimensions: 8 })
    const vectors = await createEmbeddingFloat32(client, { model: 'm', input: ['a', 'b'], dimensions: 8 })
    expect(mock.requests[1].json).toMatchObject({ encoding_format: 'base64' })
    expect(vectors.data[1].embedding).toBeInstanceOf(Float32Array)
    expect(Array.from(vectors.data[1].embedding)).toEqual(numbers.data[1].embedding)
  })

  it('converts a numeric answer (a server that ignored base64) to Float32Array too', async () => {
    mock.enqueueFault({
      status: 200,
      body: {
        object: 'list',
        model: 'm',
        data: [{ object: 'embedding', index: 0, embedding: [0.5, -1] }],
        usage: { prompt_tokens: 1, total_tokens: 1 },
      },
    })
    const res = await createEmbeddingFloat32(createClient({ apiKey: 'k', baseURL: mock.baseURL }), {
      model: 'm',
      input: 'x',
    })
    expect(res.data[0].embedding).toEqual(new Float32Array([0.5, -1]))
  })
})
