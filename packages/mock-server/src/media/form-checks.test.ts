import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMockServer } from '../start-mock-server'
import type { MockServer } from '../types'

let server: MockServer
beforeAll(async () => {
  server = await startMockServer()
})
afterAll(() => server.close())

const auth = { authorization: 'Bearer sk-test' }
async function send(body: BodyInit, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.baseURL}/images/edits`, {
    method: 'POST',
    body,
    headers: { ...auth, ...headers },
  })
  return { status: res.status, body: (await res.json()) as any }
}

describe('media multipart checks (answered in the API error shape)', () => {
  it('refuses a body that is not multipart', async () => {
    const { status, body } = await send('{}', { 'content-type': 'application/json' })
    expect(status).toBe(400)
    expect(body.error).toMatchObject({ type: 'invalid_request_error', param: 'image' })
    expect(body.error.message).toContain('multipart/form-data')
  })

  it('refuses a malformed or truncated multipart body', async () => {
    const { status, body } = await send('--B\r\nContent-Disposition: form-data; name="prompt"\r\n\r\nhi', {
      'content-type': 'multipart/form-data; boundary=B',
    })
    expect(status).toBe(400)
    expect(body.error.message).toMatch(/Could not parse the multipart form/)
  })

  it('names a missing file, a file sent as text, a text field sent as a file, and an empty file', async () => {
    const form = (entries: [string, string | Blob, string?][]) => {
      const f = new FormData()
      for (const [name, value, filename] of entries)
        if (typeof value === 'string') f.append(name, value)
        else f.append(name, value, filename)
      return f
    }
    const png = new Blob([new Uint8Array([0x89, 0x50])], { type: 'image/png' })
    const cases: [FormData, string, RegExp][] = [
      [form([['prompt', 'p']]), 'image', /Missing required parameter: 'image'/],
      [
        form([
          ['image', 'not a file'],
          ['prompt', 'p'],
        ]),
        'image',
        /file part/,
      ],
      [
        form([
          ['image', png, 'a.png'],
          ['prompt', png, 'p.txt'],
        ]),
        'prompt',
        /text field/,
      ],
      [
        form([
          ['image', new Blob([]), 'empty.png'],
          ['prompt', 'p'],
        ]),
        'image',
        /empty file/,
      ],
      [form([['image', png, 'a.png']]), 'prompt', /Missing required parameter: 'prompt'/],
    ]
    for (const [body, param, message] of cases) {
      const answer = await send(body)
      expect([answer.status, answer.body.error.param]).toEqual([400, param])
      expect(answer.body.error.message).toMatch(message)
    }
    expect(
      (
        await send(
          form([
            ['image', png, 'a.png'],
            ['image[]', png, 'b.png'],
            ['prompt', 'p'],
          ]),
        )
      ).status,
    ).toBe(200)
  })
})
