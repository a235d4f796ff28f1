import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { sdpAnswer } from '../realtime/sdp-answer'
import { startMockServer } from '../start-mock-server'
import type { MockServer } from '../types'

let server: MockServer
beforeAll(async () => {
  server = await startMockServer()
})
afterAll(() => server.close())
beforeEach(() => server.reset())

const OFFER =
  'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:0\r\n'

/** A multipart body with filename-less typed parts, as the official client sends it. */
function form(parts: Record<string, readonly [string, string]>): FormData {
  const body = new FormData()
  for (const [name, [text, type]] of Object.entries(parts)) body.append(name, new Blob([text], { type }), '')
  return body
}

async function post(path: string, body?: BodyInit, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.baseURL}/realtime/calls${path}`, {
    method: 'POST',
    headers: { authorization: 'Bearer sk-test', ...headers },
    body,
  })
  const text = await response.text()
  const type = response.headers.get('content-type') ?? ''
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: type.startsWith('application/json') ? JSON.parse(text) : undefined,
  }
}

const postJson = (path: string, body: unknown) =>
  post(path, JSON.stringify(body), { 'content-type': 'application/json' })

async function newCall(): Promise<string> {
  const { status, headers } = await post('', OFFER, { 'content-type': 'application/sdp' })
  expect(status).toBe(201)
  return headers.get('location')!.split('/').at(-1)!
}

/** The first event of a sideband socket on `callId`. */
function firstEvent(callId: string): Promise<any> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/v1/realtime?call_id=${callId}`, {
      headers: { authorization: 'Bearer sk-test' },
    })
    ws.once('message', (data) => {
      ws.close()
      resolve(JSON.parse(String(data)))
    })
    ws.once('error', reject)
  })
}

describe('POST /v1/realtime/calls', () => {
  it('answers a raw application/sdp offer with 201, the SDP answer and Location', async () => {
    const { status, headers, text } = await post('', OFFER, { 'content-type': 'application/sdp' })
    expect(status).toBe(201)
    expect(headers.get('content-type')).toBe('application/sdp')
    expect(headers.get('location')).toMatch(/^\/v1\/realtime\/calls\/rtc_mock_\d{4}$/)
    expect(text).toBe(sdpAnswer(OFFER))
  })

  it('takes multipart sdp + session; the call runs that session (sideband socket sees it)', async () => {
    const { status, headers } = await post(
      '',
      form({
        sdp: [OFFER, 'application/sdp'],
        session: [JSON.stringify({ type: 'realtime', instructions: 'Speak French.' }), 'application/json'],
      }),
    )
    expect(status).toBe(201)
    const callId = headers.get('location')!.split('/').at(-1)!
    const created = await firstEvent(callId)
    expect(created).toMatchObject({ type: 'session.created', session: { instructions: 'Speak French.' } })
    // An unknown call_id still opens a default session.
    expect((await firstEvent('rtc_unknown')).session.instructions).toBe(
      'You are a helpful assistant. Answer briefly.',
    )
  })

  it("starts from an ephemeral key's session and refuses a key the mock did not issue", async () => {
    const secret = await fetch(`${server.baseURL}/realtime/client_secrets`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' },
      body: JSON.stringify({ session: { type: 'realtime', instructions: 'From the key.' } }),
    })
    const key = (await secret.json()).value
    const { status, headers } = await post('', OFFER, {
      'content-type': 'application/sdp',
      authorization: `Bearer ${key}`,
    })
    expect(status).toBe(201)
    expect((await firstEvent(headers.get('location')!.split('/').at(-1)!)).session.instructions).toBe(
      'From the key.',
    )
    const refused = await post('', OFFER, {
      'content-type': 'application/sdp',
      authorization: 'Bearer ek_mock_9999',
    })
    expect(refused.status).toBe(401)
    expect(refused.json.error.code).toBe('invalid_api_key')
  })

  it.each([
    ['a JSON body', JSON.stringify({ sdp: OFFER }), 'application/json', null, 'invalid_content_type'],
    ['an empty offer', '', 'application/sdp', 'sdp', 'invalid_value'],
    ['a non-SDP offer', 'hello', 'application/sdp', 'sdp', 'invalid_value'],
  ])('refuses %s (400)', async (_name, body, type, param, code) => {
    const { status, json } = await post('', body, { 'content-type': type })
    expect(status).toBe(400)
    expect(json.error).toMatchObject({ type: 'invalid_request_error', param, code })
  })

  it.each([
    [
      'no sdp part',
      { session: ['{"type":"realtime"}', 'application/json'] },
      'sdp',
      'missing_required_parameter',
    ],
    [
      'a session that is not JSON',
      { sdp: [OFFER, 'application/sdp'], session: ['{', 'application/json'] },
      'session',
      'invalid_json',
    ],
    [
      'a beta-era session',
      {
        sdp: [OFFER, 'application/sdp'],
        session: ['{"type":"realtime","voice":"alloy"}', 'application/json'],
      },
      'session.voice',
      'unknown_parameter',
    ],
  ] as const)('refuses multipart with %s (400)', async (_name, parts, param, code) => {
    const { status, json } = await post('', form(parts))
    expect(status).toBe(400)
    expect(json.error).toMatchObject({ param, code })
  })
})

describe('call control: accept, hangup, refer, reject', () => {
  it('accepts a known call with a session that the sideband socket then runs', async () => {
    const id = await newCall()
    const accepted = await postJson(`/${id}/accept`, {
      type: 'realtime',
      model: 'gpt-realtime',
      instructions: 'Front desk.',
    })
    expect(accepted).toMatchObject({ status: 200, text: '' })
    expect((await firstEvent(id)).session).toMatchObject({
      model: 'gpt-realtime',
      instructions: 'Front desk.',
    })
  })

  it('refuses a bad accept body, naming the field without a session. prefix', async () => {
    const id = await newCall()
    const missing = await postJson(`/${id}/accept`, { instructions: 'x' })
    expect(missing.status).toBe(400)
    expect(missing.json.error).toMatchObject({
      message: "Missing required parameter: 'type'.",
      param: 'type',
      code: 'missing_required_parameter',
    })
    const unknown = await postJson(`/${id}/accept`, { type: 'realtime', modalities: ['text'] })
    expect(unknown.json.error).toMatchObject({ param: 'modalities', code: 'unknown_parameter' })
    const notJson = await post(`/${id}/accept`, 'nope', { 'content-type': 'application/json' })
    expect(notJson.status).toBe(400)
  })

  it('refers to tel:/sip: URIs only', async () => {
    const id = await newCall()
    expect((await postJson(`/${id}/refer`, { target_uri: 'tel:+14155550123' })).status).toBe(200)
    expect((await postJson(`/${id}/refer`, { target_uri: 'sip:desk@example.com' })).status).toBe(200)
    const bad = await postJson(`/${id}/refer`, { target_uri: 'https://example.com' })
    expect(bad.status).toBe(400)
    expect(bad.json.error).toMatchObject({ param: 'target_uri', code: 'invalid_value' })
    const missing = await postJson(`/${id}/refer`, {})
    expect(missing.json.error).toMatchObject({ param: 'target_uri', code: 'missing_required_parameter' })
  })

  it('rejects with an optional SIP status code (no body is fine) and forgets the call', async () => {
    const a = await newCall()
    const bad = await postJson(`/${a}/reject`, { status_code: 200 })
    expect(bad.status).toBe(400)
    expect(bad.json.error).toMatchObject({ param: 'status_code', code: 'invalid_value' })
    expect((await postJson(`/${a}/reject`, { status_code: 486 })).status).toBe(200)
    expect((await postJson(`/${a}/reject`, {})).status).toBe(404)
    const b = await newCall()
    expect((await post(`/${b}/reject`)).status).toBe(200)
  })

  it('hangs up once; afterwards, and for ids it never issued, every control route is 404', async () => {
    const id = await newCall()
    expect(await post(`/${id}/hangup`)).toMatchObject({ status: 200, text: '' })
    for (const [action, body] of [
      ['hangup', undefined],
      ['accept', { type: 'realtime' }],
      ['refer', { target_uri: 'tel:+1' }],
      ['reject', {}],
    ] as const) {
      for (const target of [id, 'rtc_nope']) {
        const { status, json } = body
          ? await postJson(`/${target}/${action}`, body)
          : await post(`/${target}/${action}`)
        expect(status).toBe(404)
        expect(json.error).toMatchObject({ message: `No call found with id '${target}'.`, code: 'not_found' })
      }
    }
  })
})
