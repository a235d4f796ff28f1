import { BadRequestError, OpenAIError } from '@acme/openai-core'
import { describe, expect, it } from 'vitest'
import { client, mock, useMockClient } from '../../../tests/support/mock-client'
import { createContentProvenanceCheck } from './create-content-provenance-check'

useMockClient()

const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10])

/** The recorded request's form: field name, then the file part's name, type and size. */
async function sentForm() {
  const [request] = mock.requests
  const form = await new Response(request.body as Uint8Array<ArrayBuffer>, {
    headers: { 'content-type': request.headers['content-type'] },
  }).formData()
  return [...form].map(([name, value]) =>
    typeof value === 'string' ? [name, value] : [name, value.name, value.type, value.size],
  )
}

describe('createContentProvenanceCheck', () => {
  it('uploads the file as multipart and resolves to the ProvenanceResource', async () => {
    const check = await createContentProvenanceCheck(client, {
      file: new File([png], 'photo.png', { type: 'image/png' }),
    })
    expect(check).toEqual({
      object: 'content_provenance_check',
      created_at: expect.any(Number),
      results: [
        expect.objectContaining({ type: 'c2pa', outcome: 'not_detected' }),
        expect.objectContaining({ type: 'synthid', outcome: 'not_detected' }),
      ],
    })
    expect((check as any)._request_id).toMatch(/^req_/)
    expect(Object.keys(check)).not.toContain('_request_id')
    expect(mock.requests).toHaveLength(1)
    expect(mock.requests[0]).toMatchObject({ method: 'POST', path: '/v1/content_provenance_checks' })
    expect(await sentForm()).toEqual([['file', 'photo.png', 'image/png', 8]])
  })

  it('takes the other upload inputs (a tuple here) and per-call headers', async () => {
    const { data, response } = await createContentProvenanceCheck(
      client,
      { file: ['voice.mp3', png, 'audio/mpeg'] },
      { headers: { 'x-mock-provenance': 'detected' } },
    ).withResponse()
    expect(response.status).toBe(200)
    expect(data.results).toEqual([expect.objectContaining({ type: 'synthid', outcome: 'detected' })])
    expect(await sentForm()).toEqual([['file', 'voice.mp3', 'audio/mpeg', 8]])
  })

  it("rejects with the API's error when the server refuses the file", async () => {
    const error = await createContentProvenanceCheck(client, {
      file: new File(['hello'], 'notes.txt', { type: 'text/plain' }),
    }).catch((e) => e)
    expect(error).toBeInstanceOf(BadRequestError)
    expect(error.param).toBe('file')
  })

  it('rejects a missing file before sending anything', async () => {
    const error = await createContentProvenanceCheck(client, {} as never).catch((e) => e)
    expect(error).toBeInstanceOf(OpenAIError)
    expect(error.message).toContain('file')
    expect(mock.requests).toHaveLength(0)
  })
})
