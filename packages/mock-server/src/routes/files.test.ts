import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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

async function upload(fields: Record<string, string | File>) {
  const form = new FormData()
  for (const [key, value] of Object.entries(fields)) form.append(key, value)
  const res = await fetch(`${server.baseURL}/files`, { method: 'POST', body: form, headers: auth })
  return { status: res.status, body: (await res.json()) as any }
}
const get = async (path: string, init: RequestInit = {}) => {
  const res = await fetch(`${server.baseURL}${path}`, { ...init, headers: auth })
  return { status: res.status, body: (await res.json()) as any }
}

/** The temp directory holding a file with exactly these bytes (other test files may have their own). */
function dirHolding(content: string): string | undefined {
  for (const name of readdirSync(tmpdir()).filter((n) => n.startsWith('openai-mock-files-'))) {
    const dir = join(tmpdir(), name)
    try {
      if (readdirSync(dir).some((f) => readFileSync(join(dir, f), 'utf8') === content)) return dir
    } catch {}
  }
  return undefined
}

describe('POST /v1/files', () => {
  it('stores a multipart upload and describes it as the API does', async () => {
    const { status, body } = await upload({
      purpose: 'assistants',
      file: new File(['hello'], 'notes.txt', { type: 'text/plain' }),
      'expires_after[anchor]': 'created_at',
      'expires_after[seconds]': '3600',
    })
    expect(status).toBe(200)
    expect(body).toEqual({
      id: 'file-mock_0001',
      object: 'file',
      bytes: 5,
      created_at: expect.any(Number),
      expires_at: body.created_at + 3600,
      filename: 'notes.txt',
      purpose: 'assistants',
      status: 'processed',
      status_details: null,
    })
    // Small bodies stay in the record, so tests can inspect the multipart fields.
    const recorded = server.requests.at(-1)!
    expect(recorded.text).toContain('name="file"; filename="notes.txt"')
    expect(recorded.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/)
  })

  it('refuses a missing file or purpose, an unknown purpose, a bad expiry and a non-multipart body', async () => {
    const file = new File(['x'], 'x.txt')
    expect(await upload({ purpose: 'assistants' })).toEqual({
      status: 400,
      body: {
        error: expect.objectContaining({ message: "Missing required parameter: 'file'.", param: 'file' }),
      },
    })
    expect((await upload({ file })).body.error.param).toBe('purpose')
    expect((await upload({ file, purpose: 'nope' })).body.error.message).toMatch(/^'nope' is not one of/)
    const expiry = await upload({ file, purpose: 'batch', 'expires_after[anchor]': 'created_at' })
    expect(expiry.body.error.param).toBe('expires_after')
    const json = await fetch(`${server.baseURL}/files`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: '{}',
    })
    expect(json.status).toBe(400)
  })
})

describe('GET /v1/files', () => {
  it('lists newest first with cursor pagination and a purpose filter', async () => {
    const ids: string[] = []
    for (const purpose of ['assistants', 'batch', 'assistants', 'vision', 'assistants'])
      ids.push((await upload({ file: new File(['{}'], 'f.jsonl'), purpose })).body.id)
    const page1 = await get('/files?limit=2')
    expect(page1.body.data.map((f: any) => f.id)).toEqual([ids[4], ids[3]])
    expect(page1.body).toMatchObject({ object: 'list', first_id: ids[4], last_id: ids[3], has_more: true })
    const page2 = await get(`/files?limit=2&after=${ids[3]}`)
    expect(page2.body.data.map((f: any) => f.id)).toEqual([ids[2], ids[1]])
    const asc = await get('/files?order=asc&purpose=assistants&limit=10')
    expect(asc.body.data.map((f: any) => f.id)).toEqual([ids[0], ids[2], ids[4]])
    expect(asc.body.has_more).toBe(false)
    expect((await get('/files?limit=0')).status).toBe(400)
    expect((await get('/files?order=up')).status).toBe(400)
    expect((await get('/files?after=file-nope')).status).toBe(404)
  })
})

describe('GET, DELETE /v1/files/:id and /content', () => {
  it('moves a fine-tune file from uploaded to processed on the second retrieval', async () => {
    const { body } = await upload({ file: new File(['{"a":1}\n{"b":2}\n'], 't.jsonl'), purpose: 'fine-tune' })
    expect(body.status).toBe('uploaded')
    expect((await get(`/files/${body.id}`)).body.status).toBe('uploaded')
    expect((await get(`/files/${body.id}`)).body.status).toBe('processed')
  })

  it('ends a fine-tune file that is not JSONL as error, with details', async () => {
    const { body } = await upload({
      file: new File(['{"a":1}\nnot json\n'], 't.jsonl'),
      purpose: 'fine-tune',
    })
    await get(`/files/${body.id}`)
    expect((await get(`/files/${body.id}`)).body).toMatchObject({
      status: 'error',
      status_details: 'Invalid file format: line 2 is not valid JSON.',
    })
  })

  it('streams the content back and deletes the file with its bytes', async () => {
    const content = `content-${Math.random()}`
    const { body } = await upload({ file: new File([content], 'c.txt'), purpose: 'assistants' })
    const res = await fetch(`${server.baseURL}/files/${body.id}/content`, { headers: auth })
    expect(res.headers.get('content-type')).toBe('application/octet-stream')
    expect(res.headers.get('content-length')).toBe(String(content.length))
    expect(await res.text()).toBe(content)
    const dir = dirHolding(content)!
    expect(dir).toBeDefined()
    expect(await get(`/files/${body.id}`, { method: 'DELETE' })).toEqual({
      status: 200,
      body: { id: body.id, object: 'file', deleted: true },
    })
    expect(dirHolding(content)).toBeUndefined()
    expect((await get(`/files/${body.id}`)).status).toBe(404)
    expect((await get(`/files/${body.id}/content`)).status).toBe(404)
  })
})

describe('temp storage', () => {
  it('deletes stored bytes on reset and the whole directory on close', async () => {
    const other = await startMockServer()
    const content = `reset-${Math.random()}`
    const form = new FormData()
    form.append('purpose', 'assistants')
    form.append('file', new File([content], 'r.txt'))
    await fetch(`${other.baseURL}/files`, { method: 'POST', body: form, headers: auth })
    const dir = dirHolding(content)!
    expect(dir).toBeDefined()
    other.reset()
    expect(readdirSync(dir)).toEqual([])
    await other.close()
    expect(existsSync(dir)).toBe(false)
  })
})
