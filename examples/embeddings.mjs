// @acme/openai-embeddings: numbers by default (sent as base64, decoded without Buffer), Float32Array on request.
import { createEmbedding, createEmbeddingFloat32 } from '@acme/openai-embeddings'

export default async function embeddingsTour({ client, log }) {
  const model = 'text-embedding-3-small'
  const { data, usage } = await createEmbedding(client, { model, input: 'The food was delicious.' })
  log('createEmbedding(client, { model, input })', {
    dimensions: data[0].embedding.length,
    first: data[0].embedding.slice(0, 3),
    usage,
  })
  const vectors = await createEmbeddingFloat32(client, { model, input: ['cat', 'kitten'], dimensions: 256 })
  const [a, b] = vectors.data.map((d) => d.embedding)
  let dot = 0
  for (let i = 0; i < a.length; i++) dot += a[i] * b[i]
  log('createEmbeddingFloat32(...): cosine(cat, kitten)', {
    type: a.constructor.name,
    cosine: dot.toFixed(4),
  })
}
