import { afterEach, describe, expect, it, vi } from 'vitest'
import { createClient, DEFAULT_BASE_URL, withOptions } from './client'
import { OpenAIError } from './errors'
import { request } from './request'

const quiet = { error() {}, warn() {}, info() {}, debug() {} }

afterEach(() => {
  vi.unstubAllEnvs()
  vi.unstubAllGlobals()
})

describe('createClient', () => {
  it('reads the environment, options winning', () => {
    vi.stubEnv('OPENAI_API_KEY', 'sk-env')
    vi.stubEnv('OPENAI_ORG_ID', 'org-env')
    vi.stubEnv('OPENAI_PROJECT_ID', 'proj-env')
    vi.stubEnv('OPENAI_BASE_URL', 'http://127.0.0.1:1/v1')
    const fromEnv = createClient()
    expect([fromEnv.apiKey, fromEnv.organization, fromEnv.project, fromEnv.baseURL]).toEqual([
      'sk-env',
      'org-env',
      'proj-env',
      'http://127.0.0.1:1/v1',
    ])
    expect(createClient({ apiKey: 'sk-opt', baseURL: 'http://x.test' })).toMatchObject({
      apiKey: 'sk-opt',
      baseURL: 'http://x.test',
    })
  })

  it('treats a blank OPENAI_BASE_URL as unset', () => {
    vi.stubEnv('OPENAI_BASE_URL', '  ')
    expect(createClient({ apiKey: 'k' }).baseURL).toBe(DEFAULT_BASE_URL)
  })

  it('has the documented defaults', () => {
    vi.stubEnv('OPENAI_LOG', '')
    const c = createClient({ apiKey: 'k' })
    expect([c.timeout, c.maxRetries, c.logLevel]).toEqual([600_000, 2, 'warn'])
  })

  it('asks for credentials only when talking to api.openai.com', () => {
    vi.stubEnv('OPENAI_API_KEY', '')
    expect(() => createClient()).toThrow(/Missing credentials\. Pass `apiKey`/)
    expect(() => createClient({ baseURL: 'http://127.0.0.1:8787/proxy' })).not.toThrow()
  })

  it('rejects bad numbers with a message that names the option', () => {
    expect(() => createClient({ apiKey: 'k', timeout: -1 })).toThrow(/timeout must be a non-negative integer/)
    expect(() => createClient({ apiKey: 'k', maxRetries: 1.5 })).toThrow(/maxRetries must be/)
  })

  it('reads OPENAI_LOG and warns once about an invalid level', () => {
    vi.stubEnv('OPENAI_LOG', 'debug')
    expect(createClient({ apiKey: 'k', logger: quiet }).logLevel).toBe('debug')
    vi.stubEnv('OPENAI_LOG', 'loud')
    const warn = vi.fn()
    const c = createClient({ apiKey: 'k', logger: { ...quiet, warn } })
    expect(c.logLevel).toBe('warn')
    expect(warn).toHaveBeenCalledOnce()
    expect(warn.mock.calls[0][0]).toContain('"loud"')
    expect(createClient({ apiKey: 'k', logLevel: 'info', logger: quiet }).logLevel).toBe('info')
  })

  it('withOptions overrides some options and inherits the rest', () => {
    const base = createClient({
      apiKey: 'k',
      baseURL: 'http://a.test',
      defaultHeaders: { 'x-a': '1' },
      maxRetries: 5,
    })
    const next = withOptions(base, { timeout: 1000 })
    expect([next.baseURL, next.maxRetries, next.timeout, next.defaultHeaders]).toEqual([
      'http://a.test',
      5,
      1000,
      { 'x-a': '1' },
    ])
    expect(base.timeout).toBe(600_000)
    expect(Object.isFrozen(next)).toBe(true)
  })
})

describe('browser guard', () => {
  const pretendBrowser = () => {
    vi.stubGlobal('window', { document: {} })
    vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0' })
  }

  it('refuses an API key in a browser unless dangerouslyAllowBrowser', () => {
    pretendBrowser()
    expect(() => createClient({ apiKey: 'sk-x' })).toThrow(OpenAIError)
    expect(() => createClient({ apiKey: 'sk-x' })).toThrow(/dangerouslyAllowBrowser/)
    expect(() => createClient({ apiKey: 'sk-x', dangerouslyAllowBrowser: true })).not.toThrow()
  })

  it('works through a proxy baseURL without a key, sending no Authorization nor User-Agent', async () => {
    pretendBrowser()
    vi.stubEnv('OPENAI_API_KEY', '')
    const calls: any[] = []
    const c = createClient({
      baseURL: 'http://127.0.0.1:1/proxy/v1',
      fetch: (async (_url: string, init: any) => {
        calls.push(init)
        return new Response('{}', { headers: { 'content-type': 'application/json' } })
      }) as any,
    })
    await request(c, { method: 'get', path: '/x' })
    expect(calls[0].headers.authorization).toBeUndefined()
    expect(calls[0].headers['user-agent']).toBeUndefined()
  })
})
