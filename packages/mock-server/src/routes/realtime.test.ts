import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMockServer } from '../start-mock-server'
import type { MockServer } from '../types'

describe('POST /v1/realtime/client_secrets', () => {
  let server: MockServer
  beforeAll(async () => {
    server = await startMockServer()
  })
  afterAll(() => server.close())

  const post = async (body: unknown) => {
    const response = await fetch(`${server.baseURL}/realtime/client_secrets`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    return { status: response.status, json: await response.json() }
  }

  it('issues an ek_mock_ key with expires_at and the effective session', async () => {
    const before = Math.floor(Date.now() / 1000)
    const { status, json } = await post({
      session: { type: 'realtime', model: 'gpt-realtime', output_modalities: ['text'] },
    })
    expect(status).toBe(200)
    expect(json.value).toMatch(/^ek_mock_\d{4}$/)
    expect(json.expires_at - before).toBeGreaterThanOrEqual(600)
    expect(json.expires_at - before).toBeLessThanOrEqual(601)
    expect(json.session).toMatchObject({
      type: 'realtime',
      object: 'realtime.session',
      id: expect.stringMatching(/^sess_mock_\d{4}$/),
      model: 'gpt-realtime',
      output_modalities: ['text'],
      tool_choice: 'auto',
      audio: { output: { voice: 'marin' } },
    })
  })

  it.each([
    [{ expires_after: { seconds: 9 } }, 'expires_after.seconds', 'invalid_value'],
    [{ expires_after: { seconds: 7201 } }, 'expires_after.seconds', 'invalid_value'],
    [{ expires_after: { anchor: 'now' } }, 'expires_after.anchor', 'invalid_value'],
    [{ session: { model: 'gpt-realtime' } }, 'session.type', 'missing_required_parameter'],
    [{ session: { type: 'realtime', modalities: ['text'] } }, 'session.modalities', 'unknown_parameter'],
  ])('refuses %j (400, param %s)', async (body, param, code) => {
    const { status, json } = await post(body)
    expect(status).toBe(400)
    expect(json.error).toMatchObject({ type: 'invalid_request_error', param, code })
  })
})
