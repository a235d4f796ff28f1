import { afterEach, describe, expect, it, vi } from 'vitest'
import { createClient, withOptions } from './client'
import { InvalidOptionError, OpenAIError } from './errors'
import { request } from './request'

afterEach(() => {
  vi.unstubAllEnvs()
})

const recording = () => {
  const calls: { url: string; headers: Record<string, string> }[] = []
  const fetch = (async (url: string, init: any) => {
    calls.push({ url, headers: init.headers })
    return new Response('{}', { headers: { 'content-type': 'application/json' } })
  }) as unknown as typeof globalThis.fetch
  return { calls, fetch }
}

describe('credentials are checked', () => {
  it('refuses an apiKey that is not a string or a function, naming the option', () => {
    for (const apiKey of [12345, { key: 'sk-x' }, ['sk-x'], true]) {
      const error = (() => {
        try {
          createClient({ apiKey: apiKey as any })
        } catch (e) {
          return e as InvalidOptionError
        }
      })()
      expect(error).toBeInstanceOf(InvalidOptionError)
      expect(error).toBeInstanceOf(OpenAIError)
      expect(error!.option).toBe('apiKey')
      expect(error!.message).toMatch(
        /^apiKey must be a string \(or a function returning one\), got (number|object|an array|boolean)\.$/,
      )
    }
  })

  it('refuses a string in place of the options, without echoing it', () => {
    const call = () => createClient('sk-secret-value-1234567890' as any)
    expect(call).toThrow(InvalidOptionError)
    expect(call).toThrow(/createClient takes an options object, got a string: createClient\(\{ apiKey \}\)/)
    try {
      call()
    } catch (error) {
      expect(String((error as Error).message)).not.toContain('sk-secret')
    }
  })

  it('refuses a non-string organization or project', () => {
    expect(() => createClient({ apiKey: 'k', organization: 42 as any })).toThrow(
      /^organization must be a string, got number\.$/,
    )
    expect(() => createClient({ apiKey: 'k', project: {} as any })).toThrow(
      /^project must be a string, got object\.$/,
    )
  })

  it('still lets a browser-style proxy client go without key or flag', async () => {
    vi.stubEnv('OPENAI_API_KEY', '')
    const { calls, fetch } = recording()
    const client = createClient({ baseURL: 'http://127.0.0.1:9/api', fetch })
    await request(client, { method: 'get', path: '/models' })
    expect(calls[0].headers.authorization).toBeUndefined()
  })
})

describe('timeouts that timers cannot hold', () => {
  it('are refused with a clear message, on the client and per call', async () => {
    expect(() => createClient({ apiKey: 'k', timeout: 2 ** 31 })).toThrow(
      'timeout must be a non-negative integer of milliseconds up to 2147483647 (24.8 days, the most timers can wait), got 2147483648',
    )
    const { calls, fetch } = recording()
    const client = createClient({ apiKey: 'k', baseURL: 'http://127.0.0.1:9', fetch, timeout: 2 ** 31 - 1 })
    await request(client, { method: 'get', path: '/x' })
    await expect(request(client, { method: 'get', path: '/x', timeout: 3e9 })).rejects.toThrow(
      InvalidOptionError,
    )
    expect(calls).toHaveLength(1)
  })

  it('maxRetries is not described in milliseconds', () => {
    expect(() => createClient({ apiKey: 'k', maxRetries: -1 })).toThrow(
      'maxRetries must be a non-negative integer, got -1',
    )
  })
})

describe('OPENAI_CUSTOM_HEADERS', () => {
  it('adds its Name: value lines under defaultHeaders and the call headers', async () => {
    vi.stubEnv('OPENAI_CUSTOM_HEADERS', 'X-Team: blue\nX-Env:  staging \nnot a header line\nX-Gone: yes')
    const { calls, fetch } = recording()
    const client = createClient({
      apiKey: 'k',
      baseURL: 'http://127.0.0.1:9',
      fetch,
      defaultHeaders: { 'x-env': 'prod', 'x-gone': null },
    })
    await request(client, { method: 'get', path: '/x', headers: { 'x-team': 'red' } })
    await request(withOptions(client, { maxRetries: 0 }), { method: 'get', path: '/x' })
    expect(calls[0].headers['x-team']).toBe('red')
    expect(calls[0].headers['x-env']).toBe('prod')
    expect(calls[0].headers['x-gone']).toBeUndefined()
    expect(calls[1].headers['x-team']).toBe('blue')
  })

  it('is not read when an auth provider supplies the credentials, as in the official client', async () => {
    vi.stubEnv('OPENAI_CUSTOM_HEADERS', 'X-Team: blue')
    const { calls, fetch } = recording()
    const client = createClient({ baseURL: 'http://127.0.0.1:9', fetch, auth: { headers: () => ({}) } })
    await request(client, { method: 'get', path: '/x' })
    expect(calls[0].headers['x-team']).toBeUndefined()
  })
})
