import { APIUserAbortError, createClient, OpenAIError } from '@acme/openai-core'
import { retrieveFile, uploadFile } from '@acme/openai-files'
import { describe, expect, it } from 'vitest'
import { client, mock, useMockClient } from '../../../tests/support/mock-client'
import { createVectorStore } from './create-vector-store'
import { createVectorStoreFileBatchAndPoll, pollVectorStoreFileBatch } from './file-batch-polling'
import { uploadVectorStoreFileBatchAndPoll } from './file-batch-upload'
import { listVectorStoreFileBatchFiles } from './list-vector-store-file-batch-files'
import { retrieveVectorStore } from './retrieve-vector-store'
import { searchVectorStore } from './search-vector-store'
import { createVectorStoreFileAndPoll, pollVectorStoreFile } from './vector-store-file-polling'
import { uploadVectorStoreFile, uploadVectorStoreFileAndPoll } from './vector-store-file-upload'

useMockClient()

const polls = (path: string) => mock.requests.filter((r) => r.method === 'GET' && r.path === path)

describe('vector store file helpers', () => {
  it('uploadVectorStoreFileAndPoll uploads, attaches and waits until the file is completed', async () => {
    const store = await createVectorStore(client, { name: 'docs' })
    // The mock asks for 20 ms between polls; the default without the header (5 s) would hit this signal first.
    const file = await uploadVectorStoreFileAndPoll(
      client,
      store.id,
      ['fox.txt', 'the quick brown fox'],
      { attributes: { topic: 'animals' } },
      { signal: AbortSignal.timeout(4000) },
    )
    expect(file).toMatchObject({
      status: 'completed',
      vector_store_id: store.id,
      attributes: { topic: 'animals' },
    })
    const upload = mock.requests.find((r) => r.path === '/v1/files')!
    expect(upload.text).toContain('name="purpose"\r\n\r\nassistants')
    const attach = mock.requests.find((r) => r.path === `/v1/vector_stores/${store.id}/files`)!
    expect(attach.json).toEqual({ attributes: { topic: 'animals' }, file_id: file.id })
    expect(attach.headers['openai-beta']).toBe('assistants=v2')
    // One poll still in progress (the server asked to wait 20 ms), then the final one.
    const seen = polls(`/v1/vector_stores/${store.id}/files/${file.id}`)
    expect(seen).toHaveLength(2)
    expect(seen[0].headers['x-stainless-poll-helper']).toBe('true')
    const results = await searchVectorStore(client, store.id, { query: 'brown fox' })
    expect(results.data).toMatchObject([{ file_id: file.id, filename: 'fox.txt', score: 1 }])
    expect((await retrieveVectorStore(client, store.id)).file_counts).toMatchObject({
      completed: 1,
      total: 1,
    })
  })

  it('returns a file that failed processing, with its last_error', async () => {
    const store = await createVectorStore(client, {})
    const file = await uploadVectorStoreFileAndPoll(
      client,
      store.id,
      ['blob.bin', new Uint8Array([1, 2, 3])],
      undefined,
      {
        pollInterval: 0,
      },
    )
    expect(file.status).toBe('failed')
    expect(file.last_error).toMatchObject({ code: 'unsupported_file' })
  })

  it('uploadVectorStoreFile attaches without waiting; pollVectorStoreFile waits later', async () => {
    const store = await createVectorStore(client, {})
    const attached = await uploadVectorStoreFile(client, store.id, ['a.md', '# A'])
    expect(attached.status).toBe('in_progress')
    const done = await pollVectorStoreFile(client, store.id, attached.id, { pollInterval: 0 })
    expect(done.status).toBe('completed')
    expect(
      polls(`/v1/vector_stores/${store.id}/files/${attached.id}`)[0].headers[
        'x-stainless-custom-poll-interval'
      ],
    ).toBe('0')
  })

  it('createVectorStoreFileAndPoll attaches a file uploaded earlier', async () => {
    const store = await createVectorStore(client, {})
    const uploaded = await uploadFile(client, { file: ['b.md', '# B'], purpose: 'assistants' })
    const file = await createVectorStoreFileAndPoll(
      client,
      store.id,
      { file_id: uploaded.id },
      { pollInterval: 0 },
    )
    expect(file).toMatchObject({ id: uploaded.id, status: 'completed' })
  })

  it('stops polling with APIUserAbortError when the signal aborts', async () => {
    const store = await createVectorStore(client, {})
    const attached = await uploadVectorStoreFile(client, store.id, ['c.md', '# C'])
    const waiting = pollVectorStoreFile(client, store.id, attached.id, {
      pollInterval: 60_000,
      signal: AbortSignal.timeout(30),
    })
    await expect(waiting).rejects.toBeInstanceOf(APIUserAbortError)
  })
})

describe('vector store file batch helpers', () => {
  it('uploads with at most maxConcurrency uploads in flight, keeps the order, and waits for the batch', async () => {
    let inFlight = 0
    let most = 0
    const counting = createClient({
      apiKey: 'sk-test',
      baseURL: mock.baseURL,
      maxRetries: 0,
      fetch: async (url, init) => {
        const upload = String(url).endsWith('/files') && init?.method?.toUpperCase() === 'POST'
        if (upload) most = Math.max(most, ++inFlight)
        try {
          if (upload) await new Promise((resolve) => setTimeout(resolve, 15))
          return await fetch(url, init)
        } finally {
          if (upload) inFlight--
        }
      },
    })
    const store = await createVectorStore(counting, {})
    const earlier = await uploadFile(counting, { file: ['earlier.md', 'x'], purpose: 'assistants' })
    const files = Array.from({ length: 7 }, (_, i) => [`doc${i}.md`, `document ${i}`] as const)
    const batch = await uploadVectorStoreFileBatchAndPoll(
      counting,
      store.id,
      { files, file_ids: [earlier.id] },
      { maxConcurrency: 3, pollInterval: 0 },
    )
    expect(most).toBe(3)
    expect(batch).toMatchObject({ status: 'completed', file_counts: { completed: 8, total: 8 } })
    const create = mock.requests.find((r) => r.path === `/v1/vector_stores/${store.id}/file_batches`)!
    const ids = (create.json as { file_ids: string[] }).file_ids
    const names = await Promise.all(ids.map(async (id) => (await retrieveFile(client, id)).filename))
    expect(names).toEqual(['earlier.md', ...files.map(([name]) => name)])
    const listed = await listVectorStoreFileBatchFiles(client, store.id, batch.id, {
      limit: 100,
      order: 'asc',
    })
    expect(listed.data.map((f) => f.id)).toEqual(ids)
  })

  it('throws the first upload error after every upload settled, and creates no batch', async () => {
    const store = await createVectorStore(client, {})
    mock.enqueueFault({ match: { method: 'POST', path: '/v1/files' }, status: 500 })
    const files = [['a.md', 'a'] as const, ['b.md', 'b'] as const, ['c.md', 'c'] as const]
    await expect(uploadVectorStoreFileBatchAndPoll(client, store.id, { files })).rejects.toMatchObject({
      status: 500,
    })
    expect(mock.requests.filter((r) => r.path === '/v1/files')).toHaveLength(3)
    expect(mock.requests.some((r) => r.path.endsWith('/file_batches'))).toBe(false)
  })

  it('refuses no files or a maxConcurrency below 1 before sending anything', async () => {
    await expect(uploadVectorStoreFileBatchAndPoll(client, 'vs_1', { files: [] })).rejects.toThrow(
      /use createVectorStoreFileBatchAndPoll/,
    )
    await expect(
      uploadVectorStoreFileBatchAndPoll(client, 'vs_1', { files: [['a', 'a']] }, { maxConcurrency: 0 }),
    ).rejects.toBeInstanceOf(OpenAIError)
    expect(mock.requests).toHaveLength(0)
  })

  it('createVectorStoreFileBatchAndPoll and pollVectorStoreFileBatch wait for files uploaded earlier', async () => {
    const store = await createVectorStore(client, {})
    const a = await uploadFile(client, { file: ['a.md', 'a'], purpose: 'assistants' })
    const b = await uploadFile(client, { file: ['b.exe', 'b'], purpose: 'assistants' })
    const batch = await createVectorStoreFileBatchAndPoll(
      client,
      store.id,
      { file_ids: [a.id, b.id] },
      { pollInterval: 0 },
    )
    expect(batch).toMatchObject({ status: 'completed', file_counts: { completed: 1, failed: 1, total: 2 } })
    const again = await pollVectorStoreFileBatch(client, store.id, batch.id)
    expect(again.status).toBe('completed')
  })
})
