import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startMockServer } from '../start-mock-server'
import type { MockServer } from '../types'

type Json = Record<string, any>

describe('/v1/responses/input_tokens and /v1/responses/compact', () => {
  let server: MockServer
  beforeAll(async () => {
    server = await startMockServer()
  })
  afterAll(() => server.close())
  beforeEach(() => server.reset())

  const post = async (path: string, body: unknown) => {
    const res = await fetch(server.baseURL + path, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })
    return { status: res.status, body: (await res.json()) as Json }
  }

  describe('POST /v1/responses/input_tokens', () => {
    it('counts the input as a create with the same fields reports it in usage', async () => {
      const params = {
        model: 'gpt-5.4',
        instructions: 'Be brief.',
        input: [
          { role: 'user', content: 'Tell me a joke about compilers, please.' },
          { type: 'function_call_output', call_id: 'call_1', output: '{"ok":true}' },
        ],
      }
      const counted = await post('/responses/input_tokens', params)
      expect(counted.status).toBe(200)
      expect(counted.body).toEqual({ object: 'response.input_tokens', input_tokens: expect.any(Number) })
      const created = await post('/responses', params)
      expect(counted.body.input_tokens).toBe(created.body.usage.input_tokens)
    })

    it('grows with the input text, about four characters a token', async () => {
      const count = async (input: string) =>
        (await post('/responses/input_tokens', { model: 'gpt-5.4', input })).body.input_tokens
      expect((await count('a'.repeat(403))) - (await count('aaa'))).toBe(100)
    })

    it('takes every field as optional, as the spec does: an empty body counts nothing', async () => {
      expect(await post('/responses/input_tokens', {})).toEqual({
        status: 200,
        body: { object: 'response.input_tokens', input_tokens: 0 },
      })
    })

    it('answers 400 for a body that is not an object, or fields of the wrong type', async () => {
      const notJson = await post('/responses/input_tokens', 'nope')
      expect(notJson.status).toBe(400)
      expect(notJson.body.error).toMatchObject({ type: 'invalid_request_error', param: null })
      const badInput = await post('/responses/input_tokens', { input: 42 })
      expect(badInput.status).toBe(400)
      expect(badInput.body.error).toEqual({
        message: expect.stringContaining("'input'"),
        type: 'invalid_request_error',
        param: 'input',
        code: 'invalid_type',
      })
      const badModel = await post('/responses/input_tokens', { model: 5, input: 'x' })
      expect(badModel.status).toBe(400)
      expect(badModel.body.error).toMatchObject({ param: 'model', code: 'invalid_type' })
    })

    it('answers 404 for an unknown previous_response_id, and accepts a stored one', async () => {
      const missing = await post('/responses/input_tokens', { previous_response_id: 'resp_nope' })
      expect(missing.status).toBe(404)
      expect(missing.body.error).toMatchObject({
        param: 'previous_response_id',
        code: 'previous_response_not_found',
      })
      const stored = await post('/responses', { model: 'gpt-5.4', input: 'hi' })
      const ok = await post('/responses/input_tokens', {
        previous_response_id: stored.body.id,
        input: 'more',
      })
      expect(ok.status).toBe(200)
    })

    it('draws no ids from the server: the next create gets the ids it would have got', async () => {
      const idNumber = (body: Json) => Number(body.output[0].id.slice(-4))
      const before = await post('/responses', { model: 'gpt-5.4', input: 'hi' })
      await post('/responses/input_tokens', { input: [{ role: 'user', content: 'x' }] })
      const after = await post('/responses', { model: 'gpt-5.4', input: 'hi' })
      expect(idNumber(after.body)).toBe(idNumber(before.body) + 2) // one input message, one output message
    })
  })

  describe('POST /v1/responses/compact', () => {
    const history = [
      { role: 'user', content: 'Create a landing page for a dog café.' },
      {
        id: 'msg_prev',
        type: 'message',
        status: 'completed',
        role: 'assistant',
        content: [{ type: 'output_text', text: 'Here it is: <html>…</html>', annotations: [], logprobs: [] }],
      },
      { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Make it blue.' }] },
    ]

    it('keeps the user messages and replaces the rest with one compaction item', async () => {
      const { status, body } = await post('/responses/compact', { model: 'gpt-5.4', input: history })
      expect(status).toBe(200)
      expect(body).toMatchObject({ object: 'response.compaction', created_at: expect.any(Number) })
      expect(body.id).toMatch(/^resp_mock_\d{4}$/)
      expect(body.output).toHaveLength(3)
      expect(body.output[0]).toEqual({
        id: expect.stringMatching(/^msg_/),
        type: 'message',
        role: 'user',
        status: 'completed',
        content: [{ type: 'input_text', text: 'Create a landing page for a dog café.' }],
      })
      expect(body.output[1]).toMatchObject({
        type: 'message',
        role: 'user',
        content: [{ type: 'input_text', text: 'Make it blue.' }],
      })
      expect(body.output[2]).toEqual({
        id: expect.stringMatching(/^cmp_mock_\d{4}$/),
        type: 'compaction',
        encrypted_content: expect.stringMatching(/^mock_compaction:[A-Za-z0-9+/=]+$/),
      })
      // Opaque: the dropped assistant message is not readable in it.
      expect(body.output[2].encrypted_content).not.toContain('Here it is')
      const { usage } = body
      expect(usage).toEqual({
        input_tokens: expect.any(Number),
        input_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 },
        output_tokens: expect.any(Number),
        output_tokens_details: { reasoning_tokens: 0 },
        total_tokens: usage.input_tokens + usage.output_tokens,
      })
      expect(usage.input_tokens).toBeGreaterThan(0)
      expect(usage.output_tokens).toBeGreaterThan(0)
    })

    it('is deterministic apart from ids and time', async () => {
      const strip = (body: Json) => ({
        ...body,
        id: 'x',
        created_at: 0,
        output: body.output.map((item: Json) => ({ ...item, id: 'x' })),
      })
      const a = await post('/responses/compact', { model: 'gpt-5.4', input: history })
      const b = await post('/responses/compact', { model: 'gpt-5.4', input: history })
      expect(strip(b.body)).toEqual(strip(a.body))
      expect(b.body.id).not.toBe(a.body.id)
      const other = await post('/responses/compact', { model: 'gpt-5.4', input: history.slice(1) })
      expect(other.body.output.at(-1).encrypted_content).toBe(a.body.output.at(-1).encrypted_content)
      const shorter = await post('/responses/compact', { model: 'gpt-5.4', input: history.slice(0, 1) })
      expect(shorter.body.output.at(-1).encrypted_content).not.toBe(a.body.output.at(-1).encrypted_content)
    })

    it('compacts the stored conversation named by previous_response_id, then the new input', async () => {
      const first = await post('/responses', { model: 'gpt-5.4', input: 'First question' })
      const { status, body } = await post('/responses/compact', {
        model: 'gpt-5.4',
        previous_response_id: first.body.id,
        input: 'Second question',
      })
      expect(status).toBe(200)
      expect(body.output.map((item: Json) => item.content?.[0]?.text ?? item.type)).toEqual([
        'First question',
        'Second question',
        'compaction',
      ])
      // The stored input message keeps its id.
      const items = await fetch(`${server.baseURL}/responses/${first.body.id}/input_items`, {
        headers: { authorization: 'Bearer sk-test' },
      }).then((res) => res.json() as Promise<Json>)
      expect(body.output[0].id).toBe(items.data[0].id)
    })

    it('answers 400 without a model, with a bad input, or with nothing to compact', async () => {
      for (const body of [{ input: 'x' }, { model: '', input: 'x' }, { model: null, input: 'x' }]) {
        const res = await post('/responses/compact', body)
        expect(res.status).toBe(400)
        expect(res.body.error).toEqual({
          message: "Missing required parameter: 'model'.",
          type: 'invalid_request_error',
          param: 'model',
          code: 'missing_required_parameter',
        })
      }
      const badInput = await post('/responses/compact', { model: 'gpt-5.4', input: { role: 'user' } })
      expect(badInput.status).toBe(400)
      expect(badInput.body.error).toMatchObject({ param: 'input', code: 'invalid_type' })
      for (const body of [{ model: 'gpt-5.4' }, { model: 'gpt-5.4', input: [] }]) {
        const res = await post('/responses/compact', body)
        expect(res.status).toBe(400)
        expect(res.body.error).toMatchObject({ param: 'input', type: 'invalid_request_error' })
      }
      const notJson = await post('/responses/compact', '[1]')
      expect(notJson.status).toBe(400)
    })

    it('answers 404 for an unknown previous_response_id', async () => {
      const res = await post('/responses/compact', { model: 'gpt-5.4', previous_response_id: 'resp_nope' })
      expect(res.status).toBe(404)
      expect(res.body.error).toMatchObject({ code: 'previous_response_not_found' })
    })
  })
})
