import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMockServer } from '../start-mock-server'
import type { MockServer } from '../types'

let server: MockServer
beforeAll(async () => {
  server = await startMockServer()
})
afterAll(() => server.close())

const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10])

async function check(form: FormData | string, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.baseURL}/content_provenance_checks`, {
    method: 'POST',
    headers: { authorization: 'Bearer sk-test', ...headers },
    body: form,
  })
  return { status: res.status, body: (await res.json()) as any }
}

function formWith(...files: [string, Blob, string][]) {
  const form = new FormData()
  for (const [name, blob, filename] of files) form.append(name, blob, filename)
  return form
}

describe('POST /v1/content_provenance_checks', () => {
  it('answers a ProvenanceResource with C2PA and SynthID results for an image', async () => {
    const { status, body } = await check(formWith(['file', new Blob([png], { type: 'image/png' }), 'a.png']))
    expect(status).toBe(200)
    expect(body).toEqual({
      object: 'content_provenance_check',
      created_at: expect.any(Number),
      results: [
        {
          type: 'c2pa',
          outcome: 'not_detected',
          validation_state: 'not_present',
          issuer: null,
          model: null,
          generated_at: null,
        },
        { type: 'synthid', outcome: 'not_detected', model: null, generated_at: null },
      ],
    })
  })

  it('answers SynthID only for audio, and detected signals when the test asks for them', async () => {
    const { body } = await check(formWith(['file', new Blob([png]), 'voice.mp3']), {
      'x-mock-provenance': 'detected',
    })
    expect(body.results).toEqual([
      {
        type: 'synthid',
        outcome: 'detected',
        model: 'gpt-4o-mini-tts',
        generated_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      },
    ])
    const image = await check(formWith(['file', new Blob([png], { type: 'image/webp' }), 'x']), {
      'x-mock-provenance': 'detected',
    })
    expect(image.body.results[0]).toMatchObject({
      type: 'c2pa',
      validation_state: 'trusted',
      issuer: 'OpenAI',
    })
  })

  it("refuses a malformed request in the API's error shape", async () => {
    const missing = await check(formWith(['image', new Blob([png]), 'a.png']))
    expect(missing).toEqual({
      status: 400,
      body: {
        error: {
          message: "Missing required parameter: 'file'.",
          type: 'invalid_request_error',
          param: 'file',
          code: null,
        },
      },
    })
    const json = await check(JSON.stringify({ file: 'a.png' }), { 'content-type': 'application/json' })
    expect(json.status).toBe(400)
    expect(json.body.error.param).toBe('file')
    const empty = await check(formWith(['file', new Blob([]), 'a.png']))
    expect(empty.body.error.message).toContain('empty file')
    const two = await check(formWith(['file', new Blob([png]), 'a.png'], ['file', new Blob([png]), 'b.png']))
    expect(two.body.error.message).toBe("Send one file in 'file'.")
    const text = await check(formWith(['file', new Blob(['hi'], { type: 'text/plain' }), 'a.txt']))
    expect(text.status).toBe(400)
    expect(text.body.error.message).toMatch(/^Unsupported file type 'text\/plain'/)
  })
})
