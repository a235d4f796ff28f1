import { type APIPromise, BadRequestError, createClient, OpenAIError } from '@acme/openai-core'
import { type MockServer, type RecordedRequest, startMockServer } from '@acme/openai-mock'
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from 'vitest'
import { connectRealtime } from './connect-realtime-node'
import { _callAnswer, _callIdFrom, type CallCreateResult, createCall } from './create-call'
import { createClientSecret } from './create-client-secret'
import { eventsUntil } from './events-until.test-helper'

let mock: MockServer
beforeAll(async () => {
  mock = await startMockServer()
})
afterAll(() => mock.close())
beforeEach(() => mock.reset())

const client = (apiKey = 'sk-test') => createClient({ apiKey, baseURL: mock.baseURL, maxRetries: 0 })
const OFFER =
  'v=0\r\no=- 7 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:0\r\n'

/** Each multipart part as [its headers, its text]: the parts carry a content type and no filename. */
function parts(request: RecordedRequest): [string, string][] {
  const boundary = request.headers['content-type'].split('boundary=')[1]
  return request.text
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((part) => {
      const [head, ...body] = part.slice(2, -2).split('\r\n\r\n')
      return [head, body.join('\r\n\r\n')]
    })
}

describe('createCall', () => {
  it('posts the offer alone as raw application/sdp and returns the answer with the call id', async () => {
    const { data, response } = await createCall(client(), { sdp: OFFER }).withResponse()
    expect(response.status).toBe(201)
    expect(data.call_id).toMatch(/^rtc_mock_\d{4}$/)
    expect(response.headers.get('location')).toBe(`/v1/realtime/calls/${data.call_id}`)
    expect(data.sdp.startsWith('v=0\r\n')).toBe(true)
    expect(data.sdp).toContain('a=mid:0')
    expect(Object.keys(data)).toEqual(['sdp', 'call_id'])
    expect((data as any)._request_id).toMatch(/^req_/)
    const [sent] = mock.requests
    expect(sent).toMatchObject({ method: 'POST', path: '/v1/realtime/calls', text: OFFER })
    expect(sent.headers['content-type']).toBe('application/sdp')
    expect(sent.headers.accept).toBe('application/sdp')
    expect(sent.headers.authorization).toBe('Bearer sk-test')
  })

  it('sends sdp and session as filename-less typed multipart parts; the call runs that session', async () => {
    const session = { type: 'realtime' as const, model: 'gpt-realtime', instructions: 'Speak French.' }
    const { call_id } = await createCall(client(), { sdp: OFFER, session })
    const [sent] = mock.requests
    expect(sent.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/)
    expect(sent.headers.accept).toBe('application/sdp')
    expect(parts(sent)).toEqual([
      ['Content-Disposition: form-data; name="sdp"\r\nContent-Type: application/sdp', OFFER],
      [
        'Content-Disposition: form-data; name="session"\r\nContent-Type: application/json',
        JSON.stringify(session),
      ],
    ])
    // The sideband socket on the call starts from the call's session.
    const rt = await connectRealtime(client(), { callId: call_id! })
    const [created] = await eventsUntil(rt, 'session.created')
    expect((created as any).session.instructions).toBe('Speak French.')
    await rt.close()
  })

  it('works with an ephemeral key and sends the same multipart bytes on a retry', async () => {
    const { value } = await createClientSecret(client(), {
      session: { type: 'realtime', instructions: 'Hi.' },
    })
    mock.enqueueFault({
      status: 500,
      headers: { 'retry-after-ms': '0' },
      match: { path: '/v1/realtime/calls' },
    })
    const retried = createClient({ apiKey: value, baseURL: mock.baseURL, maxRetries: 1 })
    const session = { type: 'realtime' as const, instructions: 'Override.' }
    const { call_id } = await createCall(retried, { sdp: OFFER, session })
    const attempts = mock.requests.filter((r) => r.path === '/v1/realtime/calls')
    expect(attempts).toHaveLength(2)
    expect(parts(attempts[1])).toEqual(parts(attempts[0]))
    expect(attempts[1].headers.authorization).toBe(`Bearer ${value}`)
    expect(call_id).toMatch(/^rtc_mock_/)
  })

  it('surfaces the API error for a bad offer, and refuses a missing sdp before sending', async () => {
    const error = await createCall(client(), { sdp: 'not sdp' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(BadRequestError)
    expect((error as BadRequestError).param).toBe('sdp')
    const missing = await createCall(client(), {} as never)
      .withResponse()
      .catch((e: unknown) => e)
    expect(missing).toBeInstanceOf(OpenAIError)
    expect((missing as Error).message).toContain('createCall needs `sdp`')
    expect(mock.requests).toHaveLength(1)
    expectTypeOf(createCall).returns.toEqualTypeOf<APIPromise<CallCreateResult>>()
  })

  it('refuses an answer that is not SDP text', () => {
    const response = new Response('', { headers: { 'content-type': 'application/json' } })
    expect(() => _callAnswer({ error: 1 }, response)).toThrow(
      'createCall expected an SDP answer (application/sdp) but got application/json.',
    )
  })
})

describe('_callIdFrom', () => {
  it.each([
    ['/v1/realtime/calls/rtc_123', 'rtc_123'],
    ['https://api.openai.com/v1/realtime/calls/rtc_abc?x=1', 'rtc_abc'],
    ['/v1/realtime/calls/rtc%20x/', 'rtc x'],
    ['/v1/realtime/calls/rtc_%E0', 'rtc_%E0'],
    ['/v1/realtime/sessions/sess_1', null],
    [null, null],
  ])('%s -> %s', (location, id) => {
    expect(_callIdFrom(location)).toBe(id)
  })
})

describe('every entry', () => {
  it.each(['./index', './browser', './native', './workerd'])(
    '%s exports the call functions',
    async (entry) => {
      const module = await import(entry)
      for (const name of ['createCall', 'acceptCall', 'hangupCall', 'referCall', 'rejectCall'])
        expect(module[name], name).toBeTypeOf('function')
    },
  )
})
