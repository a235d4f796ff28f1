import { describe, expect, it } from 'vitest'
import { client, mock, useMockClient } from '../../../tests/support/mock-client'
import { BatchFailedError, BatchResultsUnavailableError } from './errors'
import { readBatchResults } from './read-batch-results'
import { runBatch } from './run-batch'
import type { Batch } from './types'

useMockClient()

describe('runBatch', () => {
  it('uploads the requests as JSONL, creates the batch, waits, and reads one result per request', async () => {
    async function* requests() {
      for (let i = 0; i < 5; i++)
        yield { custom_id: `q${i}`, body: { model: 'gpt-5.4', input: `question ${i}` } }
    }
    const run = await runBatch(client, { endpoint: '/v1/responses', requests: requests(), pollInterval: 0 })
    expect(run.batch.status).toBe('completed')
    expect(run.batch.request_counts).toEqual({ total: 5, completed: 5, failed: 0 })
    const upload = mock.requests.find((r) => r.path === '/v1/files')!
    expect(upload.text).toContain('name="purpose"\r\n\r\nbatch')
    expect(upload.text).toContain(
      `{"custom_id":"q0","method":"POST","url":"/v1/responses","body":{"model":"gpt-5.4","input":"question 0"}}\n`,
    )
    const create = mock.requests.find((r) => r.path === '/v1/batches')!
    expect(create.json).toMatchObject({ endpoint: '/v1/responses', completion_window: '24h' })
    const results = []
    for await (const line of run.results()) results.push(line)
    expect(results.map((r) => r.custom_id)).toEqual(['q0', 'q1', 'q2', 'q3', 'q4'])
    expect(results[2].response).toMatchObject({
      status_code: 200,
      body: { object: 'response', status: 'completed' },
    })
    expect(JSON.stringify(results[2].response?.body)).toContain('You said: question 2')
    const errors = []
    for await (const line of run.errors()) errors.push(line)
    expect(errors).toEqual([])
  })

  it('puts the requests the endpoint refuses in the error file', async () => {
    const run = await runBatch(client, {
      endpoint: '/v1/embeddings',
      requests: [
        { custom_id: 'ok', body: { model: 'text-embedding-3-small', input: 'hi', encoding_format: 'float' } },
        { custom_id: 'no-model', body: { input: 'hi' } },
      ],
      pollInterval: 0,
    })
    const ok = []
    for await (const line of run.results()) ok.push(line)
    const failed = []
    for await (const line of run.errors()) failed.push(line)
    expect(ok.map((l) => l.custom_id)).toEqual(['ok'])
    expect(failed).toMatchObject([
      { custom_id: 'no-model', response: null, error: { message: expect.any(String) } },
    ])
  })

  it('throws BatchFailedError when nothing in the input is usable', async () => {
    const run = runBatch(client, {
      endpoint: '/v1/embeddings',
      requests: [{ custom_id: 'x', url: '/v1/chat/completions', body: { model: 'm' } }],
      pollInterval: 0,
    })
    await expect(run).rejects.toBeInstanceOf(BatchFailedError)
  })

  it('refuses requests without a unique custom_id before creating a batch', async () => {
    const run = runBatch(client, {
      endpoint: '/v1/embeddings',
      requests: [
        { custom_id: 'same', body: {} },
        { custom_id: 'same', body: {} },
      ],
    })
    await expect(run).rejects.toThrow(/unique string custom_id/)
    expect(mock.requests.some((r) => r.path === '/v1/batches')).toBe(false)
  })
})

describe('readBatchResults', () => {
  it('says to wait when the batch has no output file yet', async () => {
    const batch = { id: 'batch_1', status: 'in_progress' } as Batch
    const reading = readBatchResults(client, batch).next()
    await expect(reading).rejects.toBeInstanceOf(BatchResultsUnavailableError)
    await expect(readBatchResults(client, batch).next()).rejects.toThrow(/Wait for it with waitForBatch/)
  })

  it('names the line that is not JSON', async () => {
    mock.enqueueFault({
      match: { path: '/v1/files/file-x/' },
      status: 200,
      body: '{"custom_id":"a"}\nnot json\n',
    })
    const lines = readBatchResults(client, 'file-x')
    await expect(lines.next()).resolves.toMatchObject({ value: { custom_id: 'a' } })
    await expect(lines.next()).rejects.toThrow(/line 2 of file file-x is not JSON/)
  })

  it('reads a last line without a newline, and lines split across chunks', async () => {
    mock.enqueueFault({
      match: { path: '/v1/files/file-y/' },
      status: 200,
      body: '{"custom_id":"a"}\r\n\n{"custom_id":"b"}',
    })
    const ids = []
    for await (const line of readBatchResults(client, 'file-y')) ids.push(line.custom_id)
    expect(ids).toEqual(['a', 'b'])
  })
})
