import { BadRequestError, createClient } from '@acme/openai-core'
import { toFile } from '@acme/openai-core/multipart'
import { startMockServer } from '@acme/openai-mock'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { addUploadPart } from './add-upload-part'
import { cancelUpload } from './cancel-upload'
import { completeUpload } from './complete-upload'
import { createUpload } from './create-upload'
import { FileTooLargeError } from './errors'
import { MAX_PART_BYTES } from './limits'

let mock: Awaited<ReturnType<typeof startMockServer>>
let client: ReturnType<typeof createClient>
beforeAll(async () => {
  mock = await startMockServer()
  client = createClient({ apiKey: 'sk-test', baseURL: mock.baseURL, maxRetries: 0 })
})
afterAll(() => mock.close())

describe('createUpload, addUploadPart, completeUpload, cancelUpload', () => {
  test('the Uploads API step by step', async () => {
    const upload = await createUpload(client, {
      filename: 'parts.txt',
      purpose: 'assistants',
      bytes: 6,
      mime_type: 'text/plain',
    })
    expect(mock.requests.at(-1)!.json).toEqual({
      filename: 'parts.txt',
      purpose: 'assistants',
      bytes: 6,
      mime_type: 'text/plain',
    })
    expect(upload).toMatchObject({ object: 'upload', status: 'pending', bytes: 6 })
    const second = await addUploadPart(client, upload.id, { data: new TextEncoder().encode('def') })
    const first = await addUploadPart(client, upload.id, { data: new Blob(['abc']) })
    expect(first).toMatchObject({ object: 'upload.part', upload_id: upload.id })
    expect(mock.requests.at(-1)!.text).toContain('name="data"; filename="blob"')
    const done = await completeUpload(client, upload.id, { part_ids: [first.id, second.id] })
    expect(mock.requests.at(-1)!.json).toEqual({ part_ids: [first.id, second.id] })
    expect(done).toMatchObject({ status: 'completed', file: { filename: 'parts.txt', bytes: 6 } })
  })

  test('cancel, and a part over 64 MB refused before sending', async () => {
    const upload = await createUpload(client, {
      filename: 'c.txt',
      purpose: 'batch',
      bytes: 1,
      mime_type: 'text/plain',
    })
    const cancelled = await cancelUpload(client, upload.id)
    expect(cancelled.status).toBe('cancelled')
    expect(mock.requests.at(-1)!.headers['content-type']).toBeUndefined()
    await expect(addUploadPart(client, upload.id, { data: new Blob(['x']) })).rejects.toBeInstanceOf(
      BadRequestError,
    )
    const count = mock.requests.length
    async function* nothing() {}
    const huge = await toFile(nothing(), 'part', { size: MAX_PART_BYTES + 1 })
    const error = await addUploadPart(client, upload.id, { data: huge }).catch((e) => e)
    expect(error).toBeInstanceOf(FileTooLargeError)
    expect(error.message).toBe(
      `The part is ${MAX_PART_BYTES + 1} bytes; the Uploads API takes at most 64 MB (${MAX_PART_BYTES} bytes) per part.`,
    )
    expect(mock.requests.length).toBe(count)
  })
})
