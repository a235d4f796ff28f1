import { APIConnectionTimeoutError, APIUserAbortError, createClient, OpenAIError } from '@acme/openai-core'
import { startMockServer } from '@acme/openai-mock'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { FileProcessingTimeoutError } from './errors'
import { uploadFile } from './upload-file'
import { waitForProcessing } from './wait-for-processing'

let mock: Awaited<ReturnType<typeof startMockServer>>
let client: ReturnType<typeof createClient>
beforeAll(async () => {
  mock = await startMockServer()
  client = createClient({ apiKey: 'sk-test', baseURL: mock.baseURL, maxRetries: 0 })
})
afterAll(() => mock.close())

const gets = (id: string) =>
  mock.requests.filter((r) => r.method === 'GET' && r.path === `/v1/files/${id}`).length

describe('waitForProcessing', () => {
  test('polls until the file is processed', async () => {
    const uploaded = await uploadFile(client, { file: ['t.jsonl', '{"a":1}\n'], purpose: 'fine-tune' })
    expect(uploaded.status).toBe('uploaded')
    const file = await waitForProcessing(client, uploaded.id, { pollInterval: 10 })
    expect(file.status).toBe('processed')
    expect(gets(uploaded.id)).toBe(2)
  })

  test('returns a file that ended in error, with its details', async () => {
    const uploaded = await uploadFile(client, { file: ['bad.jsonl', 'nope\n'], purpose: 'fine-tune' })
    const file = await waitForProcessing(client, uploaded.id, { pollInterval: 10 })
    expect([file.status, file.status_details]).toEqual([
      'error',
      'Invalid file format: line 1 is not valid JSON.',
    ])
  })

  test('gives up with FileProcessingTimeoutError naming the file and its status', async () => {
    const uploaded = await uploadFile(client, { file: ['slow.jsonl', '{}\n'], purpose: 'fine-tune' })
    // The mock would finish processing; answer "uploaded" forever instead.
    mock.enqueueFault({
      match: { method: 'GET', path: `/v1/files/${uploaded.id}` },
      status: 200,
      body: uploaded,
      times: Number.POSITIVE_INFINITY,
    })
    const error = await waitForProcessing(client, uploaded.id, { pollInterval: 20, timeout: 400 }).catch(
      (e) => e,
    )
    expect(gets(uploaded.id)).toBeGreaterThanOrEqual(2)
    mock.reset()
    expect(error).toBeInstanceOf(FileProcessingTimeoutError)
    expect(error).toBeInstanceOf(APIConnectionTimeoutError)
    expect([error.fileId, error.fileStatus]).toEqual([uploaded.id, 'uploaded'])
    expect(error.message).toBe(
      `File ${uploaded.id} is still 'uploaded' after waiting 400 ms for it to be processed. Call ` +
        'waitForProcessing again with a longer `timeout`, or check it later with retrieveFile.',
    )
  })

  test('stops when its signal aborts, and refuses bad options', async () => {
    const uploaded = await uploadFile(client, { file: ['a.jsonl', '{}\n'], purpose: 'batch' })
    const controller = new AbortController()
    const waiting = waitForProcessing(client, uploaded.id, {
      pollInterval: 60_000,
      signal: controller.signal,
    })
    setTimeout(() => controller.abort(), 20)
    await expect(waiting).rejects.toBeInstanceOf(APIUserAbortError)
    await expect(waitForProcessing(client, uploaded.id, { pollInterval: -1 })).rejects.toThrow(
      'waitForProcessing: pollInterval must be a number of milliseconds >= 0, got -1',
    )
    await expect(waitForProcessing(client, uploaded.id, { timeout: Number.NaN })).rejects.toBeInstanceOf(
      OpenAIError,
    )
  })
})
