// Conformance of @acme/openai-realtime with the official `openai` package, against the same mock server.
// The official realtime client insists on wss:, so the mock is served through a TLS proxy whose certificate is made
// by the openssl CLI at test time (the suite is skipped, saying so, when openssl is missing).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { connect, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer as createTlsServer } from 'node:tls'
import { createClient } from '@acme/openai-core'
import { type MockServer, type RecordedRequest, startMockServer } from '@acme/openai-mock'
import {
  acceptCall,
  connectRealtime,
  createCall,
  createClientSecret,
  hangupCall,
  type RealtimeServerEvent,
  referCall,
  rejectCall,
} from '@acme/openai-realtime'
import OpenAI from 'openai'
import { OpenAIRealtimeWS } from 'openai/realtime/ws'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { recordOne } from './recorded'

const hasOpenssl = spawnSync('openssl', ['version']).status === 0
if (!hasOpenssl) console.warn('realtime conformance over wss: skipped, the openssl CLI is not installed')

let mock: MockServer
let proxy: Server | undefined
let cert = ''
let secureBaseURL = ''

beforeAll(async () => {
  mock = await startMockServer()
  if (!hasOpenssl) return
  const dir = mkdtempSync(join(tmpdir(), 'realtime-tls-'))
  try {
    const made = spawnSync('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ])
    if (made.status !== 0) throw new Error(`openssl failed: ${made.stderr}`)
    cert = readFileSync(join(dir, 'cert.pem'), 'utf8')
    const key = readFileSync(join(dir, 'key.pem'), 'utf8')
    const mockPort = Number(new URL(mock.url).port)
    // TLS in front of the plain mock: every decrypted byte goes to the mock and back.
    proxy = createTlsServer({ key, cert }, (secure) => {
      const plain = connect(mockPort, '127.0.0.1')
      secure.pipe(plain).pipe(secure)
      secure.on('error', () => plain.destroy())
      plain.on('error', () => secure.destroy())
      secure.on('close', () => plain.destroy())
      plain.on('close', () => secure.destroy())
    })
    await new Promise<void>((resolve) => proxy!.listen(0, '127.0.0.1', resolve))
    secureBaseURL = `https://127.0.0.1:${(proxy.address() as { port: number }).port}/v1`
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
afterAll(async () => {
  await new Promise((resolve) => (proxy ? proxy.close(resolve) : resolve(undefined)))
  await mock.close()
})
beforeEach(() => mock.reset())

const SEED = {
  session: { type: 'realtime' as const, output_modalities: ['text' as const] },
  item: {
    type: 'message' as const,
    role: 'user' as const,
    content: [{ type: 'input_text' as const, text: 'Say hi' }],
  },
}

describe.skipIf(!hasOpenssl)('realtime over wss: the official client and ours, same mock', () => {
  it('the official OpenAIRealtimeWS completes the seed text turn against the mock', async () => {
    const official = new OpenAI({ apiKey: 'sk-test', baseURL: secureBaseURL })
    const rt = new OpenAIRealtimeWS({ model: 'gpt-realtime', options: { ca: cert } }, official)
    const types: string[] = []
    let text = ''
    const done = new Promise<void>((resolve, reject) => {
      rt.on('error', reject)
      rt.on('event', (event) => types.push(event.type))
      rt.on('response.output_text.delta', (event) => {
        text += event.delta
      })
      rt.on('response.done', () => resolve())
    })
    rt.socket.on('open', () => {
      rt.send({ type: 'session.update', session: SEED.session })
      rt.send({ type: 'conversation.item.create', item: SEED.item })
      rt.send({ type: 'response.create' })
    })
    await done
    rt.close()
    expect(text).toBe('Hello! You said: Say hi')
    expect(types.slice(0, 2)).toEqual(['session.created', 'session.updated'])
    expect(types.at(-1)).toBe('response.done')

    // Ours, through the same TLS proxy: same upgrade request, same events in the same order.
    const ours = await connectRealtime(
      createClient({ apiKey: 'sk-test', baseURL: secureBaseURL }),
      { model: 'gpt-realtime' },
      { webSocketOptions: { ca: cert } },
    )
    expect(ours.url.startsWith('wss://127.0.0.1:')).toBe(true)
    const ourTypes: string[] = []
    let ourText = ''
    ours.session.update(SEED.session)
    ours.conversation.item.create(SEED.item)
    ours.response.create()
    for await (const event of ours as AsyncIterable<RealtimeServerEvent>) {
      ourTypes.push(event.type)
      if (event.type === 'response.output_text.delta') ourText += event.delta
      if (event.type === 'response.done' || ourTypes.length > 100) break
    }
    await ours.close()
    expect(ourText).toBe(text)
    expect(ourTypes).toEqual(types)

    const [theirs, mine] = mock.requests.filter((r) => r.path === '/v1/realtime')
    for (const field of ['method', 'path', 'query'] as const) expect(mine[field]).toEqual(theirs[field])
    expect(mine.headers.authorization).toBe(theirs.headers.authorization)
    expect(mine.headers['sec-websocket-protocol']).toBe(theirs.headers['sec-websocket-protocol'])
  })
})

describe('createClientSecret agrees with client.realtime.clientSecrets.create', () => {
  it('sends the same request', async () => {
    const params = {
      expires_after: { anchor: 'created_at' as const, seconds: 300 },
      session: { type: 'realtime' as const, model: 'gpt-realtime', instructions: 'Be brief.' },
    }
    const official = new OpenAI({ apiKey: 'sk-test', baseURL: mock.baseURL })
    const theirs = await official.realtime.clientSecrets.create(params)
    const ours = await createClientSecret(createClient({ apiKey: 'sk-test', baseURL: mock.baseURL }), params)
    expect(Object.keys(ours).sort()).toEqual(Object.keys(theirs).sort())
    const [a, b] = mock.requests
    for (const field of ['method', 'path', 'query', 'json'] as const) expect(b[field]).toEqual(a[field])
    for (const header of ['content-type', 'authorization']) expect(b.headers[header]).toBe(a.headers[header])
  })
})

const OFFER =
  'v=0\r\no=- 7 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:0\r\n'
const SESSION = { type: 'realtime' as const, model: 'gpt-realtime', instructions: 'Front desk.' }

/** The request as both clients must send it; a multipart body is compared whole, boundary aside. */
function callEssentials(request: RecordedRequest) {
  const type = request.headers['content-type']
  const boundary = type?.startsWith('multipart/form-data; boundary=') ? type.split('boundary=')[1] : undefined
  return {
    method: request.method,
    path: request.path,
    query: request.query,
    accept: request.headers.accept,
    authorization: request.headers.authorization,
    contentType: boundary ? 'multipart/form-data' : type,
    body: boundary ? request.text.replaceAll(boundary, 'BOUNDARY') : request.text,
  }
}

describe('realtime calls agree with client.realtime.calls.*', () => {
  const official = () => new OpenAI({ apiKey: 'sk-test', baseURL: mock.baseURL, maxRetries: 0 })
  const ours = () => createClient({ apiKey: 'sk-test', baseURL: mock.baseURL, maxRetries: 0 })
  // Unknown ids answer 404; only the requests are compared.
  const cases: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
    [
      'create with the offer alone (raw application/sdp)',
      () => official().realtime.calls.create({ sdp: OFFER }),
      () => createCall(ours(), { sdp: OFFER }),
    ],
    [
      'create with a session (multipart)',
      () => official().realtime.calls.create({ sdp: OFFER, session: SESSION }),
      () => createCall(ours(), { sdp: OFFER, session: SESSION }),
    ],
    [
      'accept',
      () => official().realtime.calls.accept('rtc_1', SESSION),
      () => acceptCall(ours(), 'rtc_1', SESSION),
    ],
    ['hangup', () => official().realtime.calls.hangup('rtc 1/x'), () => hangupCall(ours(), 'rtc 1/x')],
    [
      'refer',
      () => official().realtime.calls.refer('rtc_1', { target_uri: 'tel:+14155550123' }),
      () => referCall(ours(), 'rtc_1', { target_uri: 'tel:+14155550123' }),
    ],
    [
      'reject without params',
      () => official().realtime.calls.reject('rtc_1'),
      () => rejectCall(ours(), 'rtc_1'),
    ],
    [
      'reject with a status code',
      () => official().realtime.calls.reject('rtc_1', { status_code: 486 }),
      () => rejectCall(ours(), 'rtc_1', { status_code: 486 }),
    ],
  ]
  it.each(cases)('%s', async (_name, theirs, mine) => {
    const expected = callEssentials(await recordOne(mock, theirs))
    expect(callEssentials(await recordOne(mock, mine))).toEqual(expected)
    expect(expected.authorization).toBe('Bearer sk-test')
  })

  it('both read the same SDP answer and call id from a create', async () => {
    const response = await official().realtime.calls.create({ sdp: OFFER, session: SESSION })
    const theirs = { sdp: await response.text(), location: response.headers.get('location') }
    const mine = await createCall(ours(), { sdp: OFFER, session: SESSION })
    expect(mine.sdp).toBe(theirs.sdp)
    expect(theirs.location).toMatch(/^\/v1\/realtime\/calls\/rtc_mock_\d{4}$/)
    expect(mine.call_id).toMatch(/^rtc_mock_\d{4}$/)
  })
})
