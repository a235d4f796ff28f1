import { createClient, NotFoundError } from '@acme/openai-core'
import { startMockServer } from '@acme/openai-mock'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { deleteFile } from './delete-file'
import { retrieveFile } from './retrieve-file'
import { retrieveFileContent } from './retrieve-file-content'
import { uploadFile } from './upload-file'

let mock: Awaited<ReturnType<typeof startMockServer>>
let client: ReturnType<typeof createClient>
beforeAll(async () => {
  mock = await startMockServer()
  client = createClient({ apiKey: 'sk-test', baseURL: mock.baseURL, maxRetries: 0 })
})
afterAll(() => mock.close())

describe('retrieveFile, retrieveFileContent, deleteFile', () => {
  test('retrieves metadata with a hidden request id, and the path is encoded', async () => {
    const uploaded = await uploadFile(client, { file: ['m.txt', 'meta'], purpose: 'assistants' })
    const file = await retrieveFile(client, uploaded.id)
    expect(file).toEqual(uploaded)
    expect((file as any)._request_id).toMatch(/^req_/)
    expect(Object.keys(file)).not.toContain('_request_id')
    await expect(retrieveFile(client, 'a/b?c')).rejects.toBeInstanceOf(NotFoundError)
    expect(mock.requests.at(-1)!.path).toBe('/v1/files/a%2Fb%3Fc')
  })

  test('content is a byte stream read as it is consumed, asked for as application/binary', async () => {
    const body = 'line\n'.repeat(50_000)
    const uploaded = await uploadFile(client, { file: ['big.txt', body], purpose: 'assistants' })
    const { data: stream, response } = await retrieveFileContent(client, uploaded.id).withResponse()
    expect(stream).toBeInstanceOf(ReadableStream)
    expect(response.headers.get('content-length')).toBe(String(body.length))
    expect(mock.requests.at(-1)!.headers.accept).toBe('application/binary')
    const reader = stream.getReader()
    const first = await reader.read()
    expect(first.value!.byteLength).toBeLessThan(body.length)
    await reader.cancel()
    expect(await new Response(await retrieveFileContent(client, uploaded.id)).text()).toBe(body)
  })

  test('deletes, after which the file is gone', async () => {
    const uploaded = await uploadFile(client, { file: ['d.txt', 'bye'], purpose: 'assistants' })
    expect(await deleteFile(client, uploaded.id)).toEqual({ id: uploaded.id, object: 'file', deleted: true })
    expect(mock.requests.at(-1)!.method).toBe('DELETE')
    await expect(retrieveFile(client, uploaded.id)).rejects.toBeInstanceOf(NotFoundError)
    await expect(retrieveFileContent(client, uploaded.id)).rejects.toBeInstanceOf(NotFoundError)
  })
})
