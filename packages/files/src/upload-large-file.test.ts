import { APIUserAbortError, BadRequestError, createClient } from '@acme/openai-core'
import { toFile } from '@acme/openai-core/multipart'
import { startMockServer } from '@acme/openai-mock'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { completeUpload } from './complete-upload'
import { FileTooLargeError, InvalidUploadError } from './errors'
import { MAX_UPLOAD_BYTES } from './limits'
import { retrieveFileContent } from './retrieve-file-content'
import { uploadLargeFile } from './upload-large-file'

let mock: Awaited<ReturnType<typeof startMockServer>>
let client: ReturnType<typeof createClient>
beforeAll(async () => {
  mock = await startMockServer()
  client = createClient({ apiKey: 'sk-test', baseURL: mock.baseURL, maxRetries: 2 })
})
afterAll(() => mock.close())
beforeEach(() => mock.reset())

const PARTS = /^\/v1\/uploads\/[^/]+\/parts$/
const partRequests = () => mock.requests.filter((r) => PARTS.test(r.path))
const calls = (suffix: string) => mock.requests.filter((r) => r.path.endsWith(suffix))
const content = async (id: string) => new Response(await retrieveFileContent(client, id)).text()
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz'

describe('uploadLargeFile', () => {
  test('sends the parts in parallel and completes with their ids in file order, even when they finish out of order', async () => {
    // The first part is answered last.
    mock.enqueueFault({ match: { method: 'POST', path: PARTS }, delayMs: 150 })
    const progress: [number, number][] = []
    const upload = await uploadLargeFile(client, {
      file: new File([ALPHABET], 'abc.txt', { type: 'text/plain' }),
      purpose: 'assistants',
      partSize: 5,
      concurrency: 3,
      onProgress: (sent, total) => progress.push([sent, total]),
    })
    expect(upload).toMatchObject({ object: 'upload', status: 'completed', bytes: 26, filename: 'abc.txt' })
    expect(calls('/uploads')[0].json).toEqual({
      filename: 'abc.txt',
      purpose: 'assistants',
      bytes: 26,
      mime_type: 'text/plain',
    })
    expect(partRequests()).toHaveLength(6)
    expect(progress.map(([sent]) => sent)).toEqual([...progress.map(([sent]) => sent)].sort((a, b) => a - b))
    expect(progress.at(-1)).toEqual([26, 26])
    expect(progress).toHaveLength(6)
    // Part ids are numbered as the mock stores them: the delayed first part got a later id, yet comes first.
    const partIds: string[] = (calls('/complete')[0].json as any).part_ids
    expect(partIds).toHaveLength(6)
    expect(partIds[0]).not.toBe([...partIds].sort()[0])
    expect(await content(upload.file!.id)).toBe(ALPHABET)
  })

  test('cuts a stream of known size into parts', async () => {
    async function* chunks() {
      for (const c of ALPHABET) yield c
    }
    const file = await toFile(chunks(), 's.txt', { size: 26 })
    const upload = await uploadLargeFile(client, {
      file,
      purpose: 'batch',
      mimeType: 'text/jsonl',
      partSize: 7,
      md5: undefined,
    })
    expect(partRequests()).toHaveLength(4)
    expect(await content(upload.file!.id)).toBe(ALPHABET)
  })

  test('a part that fails is retried alone; the others are sent once', async () => {
    mock.enqueueFault({
      match: { method: 'POST', path: PARTS },
      status: 500,
      headers: { 'retry-after-ms': '10' },
    })
    const upload = await uploadLargeFile(client, {
      file: new File([ALPHABET], 'r.txt', { type: 'text/plain' }),
      purpose: 'assistants',
      partSize: 10,
      concurrency: 1,
    })
    // The faulted attempt was answered before its body was read, so its record is empty.
    const bodies = partRequests().map((r) => r.text.match(/\r\n\r\n([a-z]+)\r\n/)?.[1] ?? '')
    expect(bodies).toEqual(['', 'abcdefghij', 'klmnopqrst', 'uvwxyz'])
    expect(calls('/cancel')).toHaveLength(0)
    expect(await content(upload.file!.id)).toBe(ALPHABET)
  })

  test('a part that keeps failing cancels the upload on the server and throws its error', async () => {
    mock.enqueueFault({
      match: { method: 'POST', path: PARTS },
      status: 400,
      body: { error: { message: 'bad part' } },
    })
    const error = await uploadLargeFile(client, {
      file: new File([ALPHABET], 'f.txt', { type: 'text/plain' }),
      purpose: 'assistants',
      partSize: 5,
      concurrency: 1,
    }).catch((e) => e)
    expect(error).toBeInstanceOf(BadRequestError)
    expect(error.message).toBe('400 bad part')
    expect(partRequests()).toHaveLength(1)
    expect(calls('/cancel')).toHaveLength(1)
    expect(calls('/complete')).toHaveLength(0)
  })

  test('aborting mid-upload stops the parts and cancels the upload on the server', async () => {
    mock.enqueueFault({
      match: { method: 'POST', path: PARTS },
      delayMs: 40,
      times: Number.POSITIVE_INFINITY,
    })
    const controller = new AbortController()
    const error = await uploadLargeFile(client, {
      file: new File([ALPHABET], 'a.txt', { type: 'text/plain' }),
      purpose: 'assistants',
      partSize: 2,
      concurrency: 2,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    }).catch((e) => e)
    expect(error).toBeInstanceOf(APIUserAbortError)
    expect(partRequests().length).toBeLessThan(13)
    const [cancel] = calls('/cancel')
    expect(cancel).toBeDefined()
    const uploadId = cancel.path.split('/')[3]
    const late = await completeUpload(client, uploadId, { part_ids: [] }).catch((e) => e)
    expect(late.message).toBe(`400 Upload ${uploadId} is already cancelled.`)
  })

  test('never has more than `concurrency` parts in flight', async () => {
    let inFlight = 0
    let most = 0
    const counting = createClient({
      apiKey: 'sk-test',
      baseURL: mock.baseURL,
      fetch: async (url, init) => {
        const isPart = PARTS.test(new URL(String(url)).pathname)
        if (isPart) most = Math.max(most, ++inFlight)
        try {
          return await fetch(url, init)
        } finally {
          if (isPart) inFlight--
        }
      },
    })
    mock.enqueueFault({
      match: { method: 'POST', path: PARTS },
      delayMs: 20,
      times: Number.POSITIVE_INFINITY,
    })
    await uploadLargeFile(counting, {
      file: new File([ALPHABET], 'c.txt', { type: 'text/plain' }),
      purpose: 'assistants',
      partSize: 3,
      concurrency: 2,
    })
    expect(partRequests()).toHaveLength(9)
    expect(most).toBe(2)
  })
})

describe('uploadLargeFile: bad inputs give typed errors before any byte is sent', () => {
  const file = new File(['x'], 'x.txt', { type: 'text/plain' })
  async function* nothing() {}
  test.each([
    [
      'negative part size',
      { file, purpose: 'batch', partSize: -1 },
      'partSize',
      'partSize must be a whole number of bytes from 1 to 67108864 (64 MB), got -1',
    ],
    ['zero part size', { file, purpose: 'batch', partSize: 0 }, 'partSize', 'got 0'],
    ['fractional part size', { file, purpose: 'batch', partSize: 1.5 }, 'partSize', 'got 1.5'],
    [
      'part size over 64 MB',
      { file, purpose: 'batch', partSize: 64 * 1024 * 1024 + 1 },
      'partSize',
      'got 67108865',
    ],
    [
      'zero concurrency',
      { file, purpose: 'batch', concurrency: 0 },
      'concurrency',
      'concurrency must be a whole number >= 1, got 0',
    ],
    ['missing purpose', { file }, 'purpose', 'Missing `purpose`'],
    [
      'no MIME type',
      { file: new File(['x'], 'x.bin'), purpose: 'batch' },
      'mimeType',
      "Pass `mimeType` for 'x.bin'",
    ],
    [
      'a Blob without a name',
      { file: new Blob(['x']), purpose: 'batch' },
      'filename',
      'This Blob has no file name',
    ],
    [
      'onProgress not a function',
      { file, purpose: 'batch', onProgress: 1 },
      'onProgress',
      'onProgress must be a function',
    ],
    [
      'a stream of unknown size',
      { file: ['s.txt', nothing()], purpose: 'batch' },
      'file',
      "uploadLargeFile needs the size of 's.txt' before sending",
    ],
  ])('%s', async (_name, params, param, message) => {
    const error = await uploadLargeFile(client, params as any).catch((e) => e)
    expect(error).toBeInstanceOf(InvalidUploadError)
    expect(error.param).toBe(param)
    expect(error.message).toContain(message)
    expect(mock.requests).toHaveLength(0)
  })

  test('over 8 GB: FileTooLargeError', async () => {
    const huge = await toFile(nothing(), 'huge.bin', { size: MAX_UPLOAD_BYTES + 1 })
    const error = await uploadLargeFile(client, {
      file: huge,
      purpose: 'batch',
      mimeType: 'text/plain',
    }).catch((e) => e)
    expect(error).toBeInstanceOf(FileTooLargeError)
    expect(error.message).toBe(
      `'huge.bin' is ${MAX_UPLOAD_BYTES + 1} bytes, over the 8 GB (${MAX_UPLOAD_BYTES} bytes) limit of the Uploads API.`,
    )
    expect(mock.requests).toHaveLength(0)
  })

  test('an already aborted signal sends nothing', async () => {
    const error = await uploadLargeFile(client, {
      file,
      purpose: 'batch',
      signal: AbortSignal.abort(),
    }).catch((e) => e)
    expect(error).toBeInstanceOf(APIUserAbortError)
    expect(mock.requests).toHaveLength(0)
  })
})
