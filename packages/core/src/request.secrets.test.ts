// Hostile input and secrets: line breaks in credentials, keys echoed back by the server, connection error messages.
import { getEventListeners } from 'node:events'
import { createServer } from 'node:net'
import { describe, expect, it } from 'vitest'
import { type ClientOptions, createClient } from './client'
import { APIConnectionError, AuthenticationError, BadRequestError, InvalidOptionError } from './errors'
import { request } from './request'

const KEY = 'my-gateway-key-that-looks-like-nothing-0042'

function client(answer: (init: any) => Response | Promise<Response>, options: ClientOptions = {}) {
  let calls = 0
  const fetch = (async (_url: string, init: any) => {
    calls++
    return answer(init)
  }) as unknown as typeof globalThis.fetch
  const c = createClient({
    apiKey: KEY,
    baseURL: 'http://127.0.0.1:9/v1',
    fetch,
    logLevel: 'off',
    ...options,
  })
  return { client: c, calls: () => calls }
}

const caught = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e) => e,
  )

describe('a line break in a credential or header', () => {
  it('fails at once with InvalidOptionError naming the option, not retried, no secret', async () => {
    const cases: [ClientOptions, Record<string, unknown>, string][] = [
      [{ apiKey: `${KEY}\n` }, {}, 'apiKey'],
      [{ apiKey: async () => `${KEY}\r\nx-evil: 1` }, {}, 'apiKey'],
      [{ organization: 'org\r1' }, {}, 'organization'],
      [{ project: 'proj\n' }, {}, 'project'],
      [{}, { idempotencyKey: 'id\n1' }, 'idempotencyKey'],
      [{}, { headers: { 'x-team': 'a\nb' } }, "headers['x-team']"],
      [{ defaultHeaders: { 'x-team': 'a\rb' } }, {}, "headers['x-team']"],
      [{ apiKey: null, auth: { headers: () => ({ authorization: `Bearer ${KEY}\n` }) } }, {}, 'auth'],
    ]
    for (const [options, call, option] of cases) {
      const { client: c, calls } = client(() => new Response('{}'), options)
      const error = await caught(request(c, { method: 'get', path: '/x', ...call }))
      expect(error).toBeInstanceOf(InvalidOptionError)
      expect(error.option).toBe(option)
      expect(error.message).toBe(`${option} contains a line break (CR or LF); remove it.`)
      expect(error.cause).toBeUndefined()
      expect(JSON.stringify(error) + String(error.stack)).not.toContain(KEY)
      expect(calls()).toBe(0)
    }
  })
})

describe('a key echoed back by the server', () => {
  it('is redacted by value from a JSON error, its message, JSON.stringify(error) and hook payloads', async () => {
    const seen: unknown[] = []
    const { client: c } = client(
      () =>
        new Response(
          JSON.stringify({ error: { message: `Bad key ${KEY} for you`, param: KEY, type: 'x' } }),
          {
            status: 400,
            headers: { 'content-type': 'application/json' },
          },
        ),
      { hooks: { onError: (info) => seen.push(info) } },
    )
    const error = await caught(request(c, { method: 'get', path: '/x' }))
    expect(error).toBeInstanceOf(BadRequestError)
    expect(error.message).toBe('400 Bad key *** for you')
    expect(error.param).toBe('***')
    expect(JSON.stringify(error)).not.toContain(KEY)
    expect(JSON.stringify(seen)).not.toContain(KEY)
    expect(String((seen[0] as any).error.message)).not.toContain(KEY)
  })

  it('is redacted by value from a text error body', async () => {
    const { client: c } = client(() => new Response(`upstream refused key=${KEY}`, { status: 400 }))
    const error = await caught(request(c, { method: 'get', path: '/x' }))
    expect(error.message).toBe('400 upstream refused key=***')
    expect(JSON.stringify(error)).not.toContain(KEY)
  })
})

describe('a 401 when no key was sent', () => {
  it('says so and what to do', async () => {
    const { client: c } = client(
      () =>
        new Response(JSON.stringify({ error: { message: 'Missing bearer' } }), {
          status: 401,
          headers: { 'content-type': 'application/json' },
        }),
      { apiKey: null },
    )
    const error = await caught(request(c, { method: 'get', path: '/x' }))
    expect(error).toBeInstanceOf(AuthenticationError)
    expect(error.message).toMatch(
      /^401 Missing bearer \(No API key was sent: pass `apiKey` to createClient or set OPENAI_API_KEY/,
    )
  })

  it('gives no hint when a key was sent', async () => {
    const { client: c } = client(
      () =>
        new Response('{"error":{"message":"Bad key"}}', {
          status: 401,
          headers: { 'content-type': 'application/json' },
        }),
    )
    expect((await caught(request(c, { method: 'get', path: '/x' }))).message).toBe('401 Bad key')
  })
})

describe('a connection error', () => {
  it('names the host and the cause code (real refused connection on 127.0.0.1)', async () => {
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as { port: number }).port
    await new Promise((resolve) => server.close(resolve))
    const c = createClient({
      apiKey: KEY,
      baseURL: `http://127.0.0.1:${port}/v1?key=${KEY}`,
      maxRetries: 0,
      logLevel: 'off',
    })
    const error = await caught(request(c, { method: 'get', path: '/x' }))
    expect(error).toBeInstanceOf(APIConnectionError)
    expect(error.message).toBe(`Connection error to 127.0.0.1:${port} (ECONNREFUSED).`)
    expect(error.message).not.toContain(KEY)
  })

  it('names DNS and TLS causes from the cause chain', async () => {
    for (const code of ['ENOTFOUND', 'CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID']) {
      const { client: c } = client(
        () => {
          throw new TypeError('fetch failed', { cause: Object.assign(new Error(`boom ${KEY}`), { code }) })
        },
        { baseURL: 'https://gateway.example.test/v1', maxRetries: 0 },
      )
      const error = await caught(request(c, { method: 'get', path: '/x' }))
      expect(error.message).toBe(`Connection error to gateway.example.test (${code}).`)
    }
  })

  it('leaves out a code that is not a constant', async () => {
    const { client: c } = client(
      () => {
        throw new TypeError('fetch failed', { cause: { code: `has ${KEY}` } })
      },
      { maxRetries: 0 },
    )
    expect((await caught(request(c, { method: 'get', path: '/x' }))).message).toBe(
      'Connection error to 127.0.0.1:9.',
    )
  })
})

describe('a call that fails for good', () => {
  it('leaves no listener on the caller signal (error status, connection error, line break)', async () => {
    const signal = new AbortController().signal
    const { client: status } = client(() => new Response('{"error":{"message":"no"}}', { status: 400 }))
    await caught(request(status, { method: 'get', path: '/x', signal }))
    const { client: down } = client(
      () => {
        throw new TypeError('fetch failed')
      },
      { maxRetries: 1 },
    )
    await caught(request(down, { method: 'get', path: '/x', signal, headers: { 'retry-after-ms': '0' } }))
    await caught(request(status, { method: 'get', path: '/x', signal, idempotencyKey: 'a\nb' }))
    expect(getEventListeners(signal, 'abort')).toHaveLength(0)
  })
})
