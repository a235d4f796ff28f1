import { createClient } from '@acme/openai-core'
import { describe, expect, it } from 'vitest'
import { realtimeURL } from './realtime-url'

const url = (baseURL: string, target: any = { model: 'gpt-realtime' }, options: any = {}) =>
  realtimeURL(createClient({ apiKey: 'k', baseURL, ...options }), target, options.query)

describe('realtimeURL', () => {
  it('derives ws(s) from the client baseURL', () => {
    expect(url('https://api.openai.com/v1')).toBe('wss://api.openai.com/v1/realtime?model=gpt-realtime')
    expect(url('http://127.0.0.1:8080/v1/')).toBe('ws://127.0.0.1:8080/v1/realtime?model=gpt-realtime')
    expect(url('wss://proxy.example/openai/v1')).toBe(
      'wss://proxy.example/openai/v1/realtime?model=gpt-realtime',
    )
  })

  it('puts exactly one target in the query, after the base query and defaultQuery', () => {
    expect(url('https://x.example/v1?api-version=1&model=old', { callId: 'rtc_1' })).toBe(
      'wss://x.example/v1/realtime?api-version=1&call_id=rtc_1',
    )
    expect(url('https://x.example/v1', { intent: 'transcription' }, { defaultQuery: { a: '1' } })).toBe(
      'wss://x.example/v1/realtime?a=1&intent=transcription',
    )
    expect(url('https://x.example/v1#frag', { model: 'gpt realtime' })).toBe(
      'wss://x.example/v1/realtime?model=gpt%20realtime',
    )
  })

  it('refuses a missing, double or empty target and a base URL that is not http(s)/ws(s)', () => {
    const message =
      "Pass exactly one of { model: 'gpt-realtime' }, { callId: 'rtc_…' } or { intent: 'transcription' }"
    expect(() => url('https://x/v1', {})).toThrow(message)
    expect(() => url('https://x/v1', { model: 'a', callId: 'b' })).toThrow(message)
    expect(() => url('https://x/v1', { model: '' })).toThrow(message)
    expect(() => url('https://x/v1', { intent: 'speech' })).toThrow(message)
    expect(() => url('ftp://x/v1')).toThrow(
      "The client's baseURL must use http(s) or ws(s) to derive the realtime socket URL, got ftp:",
    )
  })

  it("passes the URL through the client's options.realtimeURL rewrite, which gets the client", () => {
    const seen: unknown[] = []
    const realtimeURL = (u: URL, c: unknown) => {
      seen.push(c)
      u.pathname = '/other/realtime'
      return u
    }
    expect(url('https://x.example/v1', { model: 'm' }, { realtimeURL })).toBe(
      'wss://x.example/other/realtime?model=m',
    )
    expect(seen).toMatchObject([{ baseURL: 'https://x.example/v1' }])
    expect(() => url('https://x/v1', {}, { realtimeURL })).toThrow('Pass exactly one of')
    expect(seen).toHaveLength(1)
  })
})
