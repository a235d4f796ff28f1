// Conformance of the hand-written helpers of the everyday packages: each helper and its official counterpart run
// against one mock server and must send the same sequence of requests (method, path, JSON body, the headers that
// matter) and hand back the same result. Ids the mock mints differ between the two runs and are normalised.
import { createClient } from '@acme/openai-core'
import { createEmbedding, createEmbeddingFloat32 } from '@acme/openai-embeddings'
import { uploadFile } from '@acme/openai-files'
import type { MockServer, RecordedRequest } from '@acme/openai-mock'
import { startMockServer } from '@acme/openai-mock'
import {
  createVectorStore,
  createVectorStoreFileAndPoll,
  createVectorStoreFileBatchAndPoll,
  pollVectorStoreFile,
  pollVectorStoreFileBatch,
  uploadVectorStoreFile,
  uploadVectorStoreFileAndPoll,
  uploadVectorStoreFileBatchAndPoll,
} from '@acme/openai-vector-stores'
import OpenAI, { toFile } from 'openai'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

let mock: MockServer
let ours: ReturnType<typeof createClient>
let official: OpenAI
beforeAll(async () => {
  mock = await startMockServer()
  ours = createClient({ apiKey: 'sk-test', baseURL: mock.baseURL, maxRetries: 0 })
  official = new OpenAI({ apiKey: 'sk-test', baseURL: mock.baseURL, maxRetries: 0 })
})
afterAll(() => mock.close())
beforeEach(() => mock.reset())

/** The requests `call` sends, reduced to what both clients must agree on, with minted ids normalised. */
async function wire(call: () => Promise<unknown>) {
  const before = mock.requests.length
  const result = await call()
  const ids = new Map<string, string>()
  const norm = (text: string) =>
    text.replace(/(file|vs|vsfb)[-_]mock_\d+/g, (id) => {
      if (!ids.has(id)) ids.set(id, `<id${ids.size}>`)
      return ids.get(id)!
    })
  const requests = mock.requests.slice(before).map((r: RecordedRequest) => ({
    method: r.method,
    path: norm(r.path),
    json: r.json === undefined ? undefined : JSON.parse(norm(JSON.stringify(r.json))),
    multipart: r.headers['content-type']?.startsWith('multipart/form-data') ?? false,
    purpose: /name="purpose"\r\n\r\n(\w+)/.exec(r.text)?.[1],
    'openai-beta': r.headers['openai-beta'],
    'x-stainless-poll-helper': r.headers['x-stainless-poll-helper'],
  }))
  // Timestamps of objects made a moment apart may differ by a second.
  const stamps = (key: string, value: unknown) =>
    key.endsWith('_at') && typeof value === 'number' ? 0 : value
  return { requests, result: JSON.parse(norm(JSON.stringify(result, stamps))) }
}

const model = 'text-embedding-3-small'

describe('embeddings', () => {
  it('createEmbedding without encoding_format = embeddings.create (base64 on the wire, numbers back)', async () => {
    const theirs = await wire(() => official.embeddings.create({ model, input: ['a', 'b'] }))
    const mine = await wire(() => createEmbedding(ours, { model, input: ['a', 'b'] }))
    expect(mine).toEqual(theirs)
    expect(theirs.requests[0].json.encoding_format).toBe('base64')
  })

  it("createEmbedding with encoding_format: 'float' or 'base64' = embeddings.create with it", async () => {
    for (const encoding_format of ['float', 'base64'] as const) {
      const theirs = await wire(() => official.embeddings.create({ model, input: 'x', encoding_format }))
      const mine = await wire(() => createEmbedding(ours, { model, input: 'x', encoding_format }))
      expect(mine).toEqual(theirs)
    }
  })

  it('createEmbeddingFloat32 sends what embeddings.create sends by default; same values as Float32Array', async () => {
    const theirs = await wire(() => official.embeddings.create({ model, input: 'x', dimensions: 16 }))
    const mine = await wire(async () => {
      const res = await createEmbeddingFloat32(ours, { model, input: 'x', dimensions: 16 })
      return { ...res, data: res.data.map((d) => ({ ...d, embedding: Array.from(d.embedding) })) }
    })
    expect(mine).toEqual(theirs)
  })
})

describe('vector store helpers', () => {
  const storeFor = async () => (await createVectorStore(ours, {})).id

  it('uploadVectorStoreFileAndPoll = vectorStores.files.uploadAndPoll', async () => {
    const vs = await storeFor()
    const theirs = await wire(async () =>
      official.vectorStores.files.uploadAndPoll(vs, await toFile(Buffer.from('hello'), 'a.md')),
    )
    const mine = await wire(() => uploadVectorStoreFileAndPoll(ours, vs, ['a.md', 'hello']))
    expect(mine).toEqual(theirs)
    expect(mine.requests.map((r) => `${r.method} ${r.path.replace(/<id\d+>/g, '<id>')}`)).toEqual([
      'POST /v1/files',
      'POST /v1/vector_stores/<id>/files',
      'GET /v1/vector_stores/<id>/files/<id>',
      'GET /v1/vector_stores/<id>/files/<id>',
    ])
  })

  it('uploadVectorStoreFile = vectorStores.files.upload; pollVectorStoreFile = vectorStores.files.poll', async () => {
    const vs = await storeFor()
    const theirs = await wire(async () => {
      const file = await official.vectorStores.files.upload(vs, await toFile(Buffer.from('hi'), 'b.md'))
      return official.vectorStores.files.poll(vs, file.id)
    })
    const mine = await wire(async () => {
      const file = await uploadVectorStoreFile(ours, vs, ['b.md', 'hi'])
      return pollVectorStoreFile(ours, vs, file.id)
    })
    expect(mine).toEqual(theirs)
  })

  it('createVectorStoreFileAndPoll = vectorStores.files.createAndPoll', async () => {
    const vs = await storeFor()
    const a = await uploadFile(ours, { file: ['a.md', 'a'], purpose: 'assistants' })
    const b = await uploadFile(ours, { file: ['b.md', 'b'], purpose: 'assistants' })
    const theirs = await wire(() => official.vectorStores.files.createAndPoll(vs, { file_id: a.id }))
    const mine = await wire(() => createVectorStoreFileAndPoll(ours, vs, { file_id: b.id }))
    expect(mine).toEqual(theirs)
  })

  it('createVectorStoreFileBatchAndPoll and pollVectorStoreFileBatch = fileBatches.createAndPoll and poll', async () => {
    const vs1 = await storeFor()
    const vs2 = await storeFor()
    // Each run creates its batch in its own store; the normalised ids make the two runs comparable.
    const files = [
      await uploadFile(ours, { file: ['a.md', 'a'], purpose: 'assistants' }),
      await uploadFile(ours, { file: ['b.md', 'b'], purpose: 'assistants' }),
    ].map((f) => f.id)
    const theirs = await wire(async () => {
      const batch = await official.vectorStores.fileBatches.createAndPoll(vs1, { file_ids: files })
      return official.vectorStores.fileBatches.poll(vs1, batch.id)
    })
    const mine = await wire(async () => {
      const batch = await createVectorStoreFileBatchAndPoll(ours, vs2, { file_ids: files })
      return pollVectorStoreFileBatch(ours, vs2, batch.id)
    })
    expect(mine).toEqual(theirs)
  })

  it('uploadVectorStoreFileBatchAndPoll = fileBatches.uploadAndPoll (maxConcurrency 1 keeps the order)', async () => {
    const vs = await storeFor()
    const theirs = await wire(async () =>
      official.vectorStores.fileBatches.uploadAndPoll(
        vs,
        { files: [await toFile(Buffer.from('a'), 'a.md'), await toFile(Buffer.from('b'), 'b.md')] },
        { maxConcurrency: 1 },
      ),
    )
    const mine = await wire(() =>
      uploadVectorStoreFileBatchAndPoll(
        ours,
        vs,
        {
          files: [
            ['a.md', 'a'],
            ['b.md', 'b'],
          ],
        },
        { maxConcurrency: 1 },
      ),
    )
    expect(mine).toEqual(theirs)
    expect(mine.requests.filter((r) => r.multipart).map((r) => r.purpose)).toEqual([
      'assistants',
      'assistants',
    ])
  })
})
