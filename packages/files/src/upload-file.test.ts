import { createClient, InternalServerError } from '@acme/openai-core'
import type { Uploadable } from '@acme/openai-core/multipart'
import { toFile } from '@acme/openai-core/multipart'
import { startMockServer } from '@acme/openai-mock'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { FileTooLargeError, InvalidUploadError } from './errors'
import { MAX_FILE_BYTES } from './limits'
import { retrieveFileContent } from './retrieve-file-content'
import { uploadFile } from './upload-file'

let mock: Awaited<ReturnType<typeof startMockServer>>
let client: ReturnType<typeof createClient>
beforeAll(async () => {
  mock = await startMockServer()
  client = createClient({ apiKey: 'sk-test', baseURL: mock.baseURL, maxRetries: 1 })
})
afterAll(() => mock.close())
beforeEach(() => mock.reset())

/** The file part of the last recorded upload, as a server's multipart parser sees it. */
async function lastFilePart(): Promise<File> {
  const recorded = mock.requests.at(-1)!
  const form = await new Response(recorded.body as Uint8Array<ArrayBuffer>, {
    headers: { 'content-type': recorded.headers['content-type'] },
  }).formData()
  return form.get('file') as File
}

const download = async (id: string) => new Response(await retrieveFileContent(client, id)).text()

function named<T extends object>(value: T, name: string): T {
  return Object.assign(value, { name })
}

async function* chunks(...items: string[]) {
  yield* items
}

describe('uploadFile: every input kind', () => {
  const response = () => {
    const r = new Response('from a response', { headers: { 'content-type': 'text/plain' } })
    Object.defineProperty(r, 'url', { value: 'https://files.test/path/report.txt' })
    return r
  }
  const cases: [string, () => Uploadable | PromiseLike<Uploadable>, string, string, string][] = [
    ['File', () => new File(['a file'], 'a.txt', { type: 'text/plain' }), 'a.txt', 'text/plain', 'a file'],
    ['bare Blob', () => new Blob(['a blob'], { type: 'text/csv' }), 'blob', 'text/csv', 'a blob'],
    [
      'Uint8Array',
      () => new TextEncoder().encode('bytes'),
      'unknown_file',
      'application/octet-stream',
      'bytes',
    ],
    [
      'ArrayBuffer',
      () => new TextEncoder().encode('buffer').buffer,
      'unknown_file',
      'application/octet-stream',
      'buffer',
    ],
    ['Response', response, 'report.txt', 'text/plain', 'from a response'],
    [
      'ReadableStream in a tuple',
      () => ['s.jsonl', new Blob(['{"s":1}']).stream(), 'application/jsonl'],
      's.jsonl',
      'application/jsonl',
      '{"s":1}',
    ],
    [
      'async iterable in a tuple',
      () => ['it.txt', chunks('it', 'er')],
      'it.txt',
      'application/octet-stream',
      'iter',
    ],
    [
      'named ReadableStream',
      () => named(new Blob(['named']).stream(), 'n.txt'),
      'n.txt',
      'application/octet-stream',
      'named',
    ],
    ['text in a tuple', () => ['t.md', '# title', 'text/markdown'], 't.md', 'text/markdown', '# title'],
    [
      'toFile() result',
      () => toFile(chunks('made'), 'made.txt', { type: 'text/plain' }),
      'made.txt',
      'text/plain',
      'made',
    ],
    [
      'promise of a File',
      () => Promise.resolve(new File(['later'], 'p.txt')),
      'p.txt',
      'application/octet-stream',
      'later',
    ],
  ]
  test.each(cases)('%s', async (_kind, make, filename, type, content) => {
    const file = await uploadFile(client, { file: make(), purpose: 'assistants' })
    expect(file).toMatchObject({ object: 'file', filename, bytes: content.length, purpose: 'assistants' })
    const part = await lastFilePart()
    expect([part.name, part.type, await part.text()]).toEqual([filename, type, content])
    expect(await download(file.id)).toBe(content)
  })

  test('streams go as a chunked multipart stream, Blobs as FormData; expires_after is sent as fields', async () => {
    const created = await uploadFile(client, {
      file: ['x.txt', chunks('x')],
      purpose: 'batch',
      expires_after: { anchor: 'created_at', seconds: 7200 },
    })
    const recorded = mock.requests.at(-1)!
    expect(recorded.headers['transfer-encoding']).toBe('chunked')
    expect(recorded.headers['content-type']).toMatch(/^multipart\/form-data; boundary=openai-/)
    expect(recorded.text).toContain('name="expires_after[seconds]"\r\n\r\n7200\r\n')
    expect(created.expires_at).toBe(created.created_at + 7200)
    await uploadFile(client, { file: new File(['y'], 'y.txt'), purpose: 'assistants' })
    expect(mock.requests.at(-1)!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=-+/)
  })

  test('withResponse gives the request id', async () => {
    const { data, request_id } = await uploadFile(client, {
      file: new File(['z'], 'z.txt'),
      purpose: 'assistants',
    }).withResponse()
    expect(data.filename).toBe('z.txt')
    expect(request_id).toMatch(/^req_/)
  })
})

describe('uploadFile: retries', () => {
  test('a Blob upload is retried after a 500', async () => {
    mock.enqueueFault({ match: { method: 'POST', path: '/v1/files' }, status: 500 })
    const file = await uploadFile(client, { file: new File(['retry me'], 'r.txt'), purpose: 'assistants' })
    expect(mock.requests.filter((r) => r.path === '/v1/files')).toHaveLength(2)
    expect(await download(file.id)).toBe('retry me')
  })

  test('a stream upload cannot be replayed: the 500 is thrown', async () => {
    mock.enqueueFault({ match: { method: 'POST', path: '/v1/files' }, status: 500 })
    const error = await uploadFile(client, { file: ['s.txt', chunks('once')], purpose: 'assistants' }).catch(
      (e) => e,
    )
    expect(error).toBeInstanceOf(InternalServerError)
    expect(mock.requests.filter((r) => r.path === '/v1/files')).toHaveLength(1)
  })
})

describe('uploadFile: bad inputs give typed errors before anything is sent', () => {
  test.each([
    [
      'missing purpose',
      { file: new File(['x'], 'x') },
      'purpose',
      "Missing `purpose`: pass one such as 'fine-tune', 'batch', 'assistants' or 'user_data'.",
    ],
    ['empty purpose', { file: new File(['x'], 'x'), purpose: '' }, 'purpose', 'Missing `purpose`'],
    ['missing file', { purpose: 'assistants' }, 'file', 'Missing `file`'],
    [
      'object without a name',
      { file: { foo: 1 }, purpose: 'assistants' },
      'file',
      'Cannot upload this value',
    ],
    [
      'stream without a name',
      { file: new Blob(['x']).stream(), purpose: 'assistants' },
      'file',
      'has no file name',
    ],
    [
      'path string in the main entry',
      { file: './input.jsonl', purpose: 'fine-tune' },
      'file',
      'A string is not a file here',
    ],
  ])('%s', async (_name, params, param, message) => {
    const error = await uploadFile(client, params as any).catch((e) => e)
    expect(error).toBeInstanceOf(InvalidUploadError)
    expect(error.param).toBe(param)
    expect(error.message).toContain(message)
    expect(mock.requests).toHaveLength(0)
  })

  test('a file over 512 MB is refused with FileTooLargeError, naming uploadLargeFile', async () => {
    const huge = await toFile(chunks(), 'huge.jsonl', { size: MAX_FILE_BYTES + 1 })
    const error = await uploadFile(client, { file: huge, purpose: 'batch' }).catch((e) => e)
    expect(error).toBeInstanceOf(FileTooLargeError)
    expect(error).toBeInstanceOf(InvalidUploadError)
    expect([error.size, error.limit]).toEqual([MAX_FILE_BYTES + 1, MAX_FILE_BYTES])
    expect(error.message).toBe(
      `'huge.jsonl' is ${MAX_FILE_BYTES + 1} bytes, over the 512 MB limit: send it with uploadLargeFile.`,
    )
    expect(mock.requests).toHaveLength(0)
  })
})
