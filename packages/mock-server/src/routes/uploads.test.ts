import { createHash } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startMockServer } from '../start-mock-server'
import type { MockServer } from '../types'

let server: MockServer
beforeAll(async () => {
  server = await startMockServer()
})
afterAll(() => server.close())
beforeEach(() => server.reset())

const auth = { authorization: 'Bearer sk-test' }
const post = async (path: string, body?: unknown) => {
  const res = await fetch(`${server.baseURL}${path}`, {
    method: 'POST',
    headers: body === undefined ? auth : { ...auth, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as any }
}
const addPart = async (uploadId: string, data: string) => {
  const form = new FormData()
  form.append('data', new Blob([data]))
  const res = await fetch(`${server.baseURL}/uploads/${uploadId}/parts`, {
    method: 'POST',
    body: form,
    headers: auth,
  })
  return { status: res.status, body: (await res.json()) as any }
}
const create = (bytes: number, extra: Record<string, unknown> = {}) =>
  post('/uploads', { filename: 'big.jsonl', purpose: 'batch', bytes, mime_type: 'text/jsonl', ...extra })

describe('/v1/uploads', () => {
  it('creates, takes parts, completes in the given order, and makes a file', async () => {
    const upload = await create(9)
    expect(upload).toEqual({
      status: 200,
      body: {
        id: expect.stringMatching(/^upload_mock_\d{4}$/),
        object: 'upload',
        bytes: 9,
        created_at: expect.any(Number),
        expires_at: upload.body.created_at + 3600,
        filename: 'big.jsonl',
        purpose: 'batch',
        status: 'pending',
        file: null,
      },
    })
    const id = upload.body.id
    const a = await addPart(id, 'aaa')
    const c = await addPart(id, 'ccc')
    const b = await addPart(id, 'bbb')
    expect(a.body).toEqual({
      id: expect.stringMatching(/^part_mock_/),
      object: 'upload.part',
      created_at: expect.any(Number),
      upload_id: id,
    })
    const md5 = createHash('md5').update('aaabbbccc').digest('hex')
    const done = await post(`/uploads/${id}/complete`, { part_ids: [a.body.id, b.body.id, c.body.id], md5 })
    expect(done.status).toBe(200)
    expect(done.body).toMatchObject({
      status: 'completed',
      file: { object: 'file', bytes: 9, filename: 'big.jsonl', purpose: 'batch' },
    })
    const content = await fetch(`${server.baseURL}/files/${done.body.file.id}/content`, { headers: auth })
    expect(await content.text()).toBe('aaabbbccc')
    expect((await addPart(id, 'late')).body.error.message).toBe(`Upload ${id} is already completed.`)
  })

  it('refuses bad creations', async () => {
    expect((await create(-1)).body.error.param).toBe('bytes')
    expect((await create(8 * 1024 ** 3 + 1)).body.error.message).toMatch(/^Upload is too large/)
    expect((await create(1, { mime_type: undefined })).body.error.param).toBe('mime_type')
    expect((await create(1, { purpose: 'nope' })).body.error.param).toBe('purpose')
    expect((await create(1, { filename: '' })).body.error.param).toBe('filename')
    expect((await create(1, { expires_after: { anchor: 'created_at', seconds: 5 } })).body.error.param).toBe(
      'expires_after',
    )
  })

  it('refuses a completion whose parts do not add up, repeat, belong elsewhere, or fail the md5', async () => {
    const { body: upload } = await create(6)
    const other = (await create(3)).body
    const a = (await addPart(upload.id, 'abc')).body.id
    const b = (await addPart(upload.id, 'def')).body.id
    const x = (await addPart(other.id, 'xyz')).body.id
    const complete = (body: unknown) => post(`/uploads/${upload.id}/complete`, body)
    expect((await complete({ part_ids: [a] })).body.error.message).toBe(
      'The parts hold 3 bytes, but the upload was created with bytes=6.',
    )
    expect((await complete({ part_ids: [a, a] })).body.error.message).toBe(
      "'part_ids' lists a part more than once.",
    )
    expect((await complete({ part_ids: [a, x] })).body.error.message).toBe(
      `Part ${x} does not belong to upload ${upload.id}.`,
    )
    expect((await complete({})).status).toBe(400)
    expect((await complete({ part_ids: [a, b], md5: '0'.repeat(32) })).body.error.param).toBe('md5')
    expect((await complete({ part_ids: [b, a] })).body.file.bytes).toBe(6)
  })

  it('cancels a pending upload: no more parts, no completion, unknown ids are 404', async () => {
    const { body: upload } = await create(3)
    await addPart(upload.id, 'abc')
    expect((await post(`/uploads/${upload.id}/cancel`)).body).toMatchObject({
      id: upload.id,
      status: 'cancelled',
    })
    expect((await addPart(upload.id, 'abc')).body.error.message).toBe(
      `Upload ${upload.id} is already cancelled.`,
    )
    expect((await post(`/uploads/${upload.id}/complete`, { part_ids: [] })).status).toBe(400)
    expect((await post(`/uploads/${upload.id}/cancel`)).status).toBe(400)
    expect((await post('/uploads/upload_nope/cancel')).status).toBe(404)
    expect((await addPart('upload_nope', 'x')).status).toBe(404)
  })

  it('refuses a part without data', async () => {
    const { body: upload } = await create(3)
    const form = new FormData()
    form.append('other', 'x')
    const res = await fetch(`${server.baseURL}/uploads/${upload.id}/parts`, {
      method: 'POST',
      body: form,
      headers: auth,
    })
    expect(res.status).toBe(400)
    expect(((await res.json()) as any).error.message).toBe("Missing required parameter: 'data'.")
  })
})
