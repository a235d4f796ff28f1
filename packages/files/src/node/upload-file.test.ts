import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from '@acme/openai-core'
import { startMockServer } from '@acme/openai-mock'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { InvalidUploadError } from '../errors'
import { retrieveFileContent } from '../retrieve-file-content'
import { uploadFile, uploadLargeFile } from './index'

const dir = mkdtempSync(join(tmpdir(), 'files-node-upload-'))
const path = join(dir, 'input.jsonl')
const body = '{"messages":[{"role":"user","content":"hi"}]}\n'.repeat(100)
writeFileSync(path, body)

let mock: Awaited<ReturnType<typeof startMockServer>>
let client: ReturnType<typeof createClient>
beforeAll(async () => {
  mock = await startMockServer()
  client = createClient({ apiKey: 'sk-test', baseURL: mock.baseURL, maxRetries: 1 })
})
afterAll(async () => {
  await mock.close()
  rmSync(dir, { recursive: true, force: true })
})
beforeEach(() => mock.reset())

const content = async (id: string) => new Response(await retrieveFileContent(client, id)).text()

describe('@acme/openai-files/node uploadFile', () => {
  test('a path is read from disk as a File (so a 500 is retried)', async () => {
    mock.enqueueFault({
      match: { method: 'POST', path: '/v1/files' },
      status: 500,
      headers: { 'retry-after-ms': '1' },
    })
    const file = await uploadFile(client, { file: path, purpose: 'fine-tune' })
    expect(file).toMatchObject({ filename: 'input.jsonl', bytes: body.length, purpose: 'fine-tune' })
    expect(mock.requests.filter((r) => r.path === '/v1/files')).toHaveLength(2)
    expect(await content(file.id)).toBe(body)
  })

  test('an fs.ReadStream is streamed once, named after its path', async () => {
    const file = await uploadFile(client, { file: createReadStream(path), purpose: 'fine-tune' })
    expect(file.filename).toBe('input.jsonl')
    expect(mock.requests.at(-1)!.headers['transfer-encoding']).toBe('chunked')
    expect(await content(file.id)).toBe(body)
  })

  test('a missing path is a typed error and nothing is sent', async () => {
    const error = await uploadFile(client, { file: join(dir, 'missing.jsonl'), purpose: 'fine-tune' }).catch(
      (e) => e,
    )
    expect(error).toBeInstanceOf(InvalidUploadError)
    expect(mock.requests).toHaveLength(0)
  })
})

describe('@acme/openai-files/node uploadLargeFile', () => {
  test('slices a path into parts read from disk', async () => {
    const upload = await uploadLargeFile(client, {
      file: path,
      purpose: 'fine-tune',
      mimeType: 'text/jsonl',
      partSize: 1000,
    })
    expect(mock.requests.filter((r) => r.path.endsWith('/parts'))).toHaveLength(Math.ceil(body.length / 1000))
    expect(await content(upload.file!.id)).toBe(body)
  })

  test('cuts an fs.ReadStream into parts, its size taken from the file', async () => {
    const upload = await uploadLargeFile(client, {
      file: createReadStream(path),
      purpose: 'fine-tune',
      mimeType: 'text/jsonl',
      partSize: 1500,
      concurrency: 2,
    })
    expect(upload.bytes).toBe(body.length)
    expect(await content(upload.file!.id)).toBe(body)
  })
})
