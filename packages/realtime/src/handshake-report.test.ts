import { describe, expect, it } from 'vitest'
import { RealtimeHandshakeError } from './errors'
import { handshakeRedaction, redactRealtimeSecrets } from './handshake-redaction'
import { describeHandshake } from './handshake-report'
import type { HandshakeDetail } from './realtime-socket'

// The error a failed handshake gets once core's redaction has loaded (`handshakeFailure` loads it first).
const handshakeError = (url: string, detail: HandshakeDetail, secrets: readonly string[] = []) =>
  describeHandshake(url, detail, handshakeRedaction(secrets))

const URL = 'wss://api.example/v1/realtime?model=gpt-realtime'

describe('handshakeError', () => {
  it('explains each status and keeps the server message', () => {
    const error = handshakeError(URL, {
      status: 400,
      body: '{"error":{"message":"Invalid model","type":"invalid_request_error","param":"model","code":null}}',
    })
    expect(error).toBeInstanceOf(RealtimeHandshakeError)
    expect(error.message).toBe(
      `The server refused the connection request (400): check the model name and the query. Server said: Invalid model (${URL})`,
    )
    expect(error.error).toEqual({
      message: 'Invalid model',
      type: 'invalid_request_error',
      param: 'model',
      code: null,
    })
    expect(handshakeError(URL, { status: 502, body: 'Bad gateway' }).message).toBe(
      `The server answered 502 instead of switching protocols (101). Server said: Bad gateway (${URL})`,
    )
  })

  it('reads the status ws puts in its error message, and network codes', () => {
    expect(handshakeError(URL, { cause: new Error('Unexpected server response: 429') }).status).toBe(429)
    const dns = handshakeError(URL, {
      cause: Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }),
    })
    expect([dns.code, dns.message]).toEqual([
      'ENOTFOUND',
      `The host name did not resolve (DNS). Check baseURL. (${URL})`,
    ])
  })

  it('says what to check when the runtime reports nothing (browsers)', () => {
    expect(handshakeError(URL, {}).message).toBe(
      'The WebSocket failed to open, and this runtime does not say why: a refused or expired key, a wrong ' +
        `baseURL and a refused connection look the same here. Check them in that order. (${URL})`,
    )
  })

  it('never repeats a key, whatever the server echoes', () => {
    const error = handshakeError('wss://u:p@api.example/v1/realtime?model=m&api_key=sk-abc', {
      status: 401,
      body: JSON.stringify({
        error: {
          message: 'bad key ek_68af296e8e408191a11 / sk-proj-abcdefgh12345 / openai-insecure-api-key.ek_1',
        },
      }),
    })
    expect(error.message).not.toMatch(/ek_68|sk-proj-abcdefgh|ek_1|sk-abc|u:p/)
    expect(redactRealtimeSecrets('Bearer ek_abcdef and openai-insecure-api-key.secret1')).toBe(
      'Bearer *** and openai-insecure-api-key.***',
    )
  })

  it('redacts the credentials it is given by value, from the message, the error object and JSON.stringify', () => {
    const key = 'plain-gateway-key-0123456789'
    const error = handshakeError(
      URL,
      { status: 401, body: JSON.stringify({ error: { message: `Key ${key} refused`, param: key } }) },
      [key],
    )
    expect(error.message).toContain('Server said: Key *** refused')
    expect((error.error as any).param).toBe('***')
    expect(JSON.stringify(error)).not.toContain(key)
    expect(handshakeError(URL, { status: 500, body: `oops ${key}` }, [key]).message).not.toContain(key)
  })
})
