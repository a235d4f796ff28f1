// @acme/openai-embeddings on every runtime: the default call sends base64 and decodes it back to numbers without
// Buffer (some runtimes have none), matching what `encoding_format: 'float'` sends; Float32Array vectors too.
import { createClient } from '@acme/openai-core'
import { createEmbedding, createEmbeddingFloat32, decodeEmbedding } from '@acme/openai-embeddings'
import { checklist, equal } from './checklist.js'

/** Runs the Embeddings checks against the mock server at `baseURL`; throws on the first failure. */
export async function smoke({ baseURL, apiKey }) {
  const list = checklist()
  const client = createClient({ apiKey, baseURL, maxRetries: 0, dangerouslyAllowBrowser: true })
  const params = { model: 'text-embedding-3-small', input: ['hello', 'world'], dimensions: 32 }

  await list.check('createEmbedding decodes base64 to the numbers the float encoding sends', async () => {
    const decoded = await createEmbedding(client, params)
    const floats = await createEmbedding(client, { ...params, encoding_format: 'float' })
    equal(Array.isArray(decoded.data[1].embedding), true, 'numbers')
    equal(decoded.data, floats.data, 'vectors')
  })

  await list.check('createEmbeddingFloat32 gives Float32Array views', async () => {
    const { data } = await createEmbeddingFloat32(client, params)
    equal([data[0].embedding instanceof Float32Array, data[0].embedding.length], [true, 32], 'vector')
  })

  await list.check('decodeEmbedding reads little-endian float32 base64', async () => {
    // 1.5, -2 as little-endian float32: 00 00 c0 3f, 00 00 00 c0.
    equal(Array.from(decodeEmbedding('AADAPwAAAMA=')), [1.5, -2], 'values')
  })

  return list.report()
}
