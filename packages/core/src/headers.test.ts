import { describe, expect, it } from 'vitest'
import { createClient } from './client'
import { mergeHeaders } from './headers'
import { request } from './request'

describe('mergeHeaders', () => {
  it('appends a name repeated inside one layer, as Headers.append does; cookie with "; "', () => {
    expect(
      mergeHeaders([
        [
          ['X-Tag', 'a'],
          ['x-tag', 'b'],
          ['Cookie', 'a=1'],
          ['cookie', 'b=2'],
        ],
      ]),
    ).toEqual({ 'x-tag': 'a, b', cookie: 'a=1; b=2' })
    expect(mergeHeaders([{ cookie: ['a=1', 'b=2'], 'x-list': ['1', '2'] }])).toEqual({
      cookie: 'a=1; b=2',
      'x-list': '1, 2',
    })
  })

  it('lets a later layer replace, not append', () => {
    expect(
      mergeHeaders([
        { 'x-tag': 'a' },
        [['x-tag', 'b']],
        [
          ['x-tag', 'c'],
          ['x-tag', 'd'],
        ],
      ]),
    ).toEqual({
      'x-tag': 'c, d',
    })
  })

  it('keeps nulls when asked, so the result can remove headers as a layer', () => {
    const layer = mergeHeaders([{ 'x-a': null, 'x-b': '1' }], true)
    expect(layer).toEqual({ 'x-a': null, 'x-b': '1' })
    expect(mergeHeaders([{ 'x-a': 'set' }, layer])).toEqual({ 'x-b': '1' })
  })
})

describe('a per-call null header', () => {
  it('removes the header whatever set it: a default, core, or the operation', async () => {
    const seen: Record<string, string>[] = []
    const fetch = (async (_url: string, init: any) => {
      seen.push(init.headers)
      return new Response('{}', { headers: { 'content-type': 'application/json' } })
    }) as unknown as typeof globalThis.fetch
    const client = createClient({
      apiKey: 'sk-test-null-headers',
      organization: 'org_1',
      baseURL: 'http://127.0.0.1:9',
      fetch,
      defaultHeaders: { 'x-default': 'd' },
    })
    await request(client, {
      method: 'post',
      path: '/x',
      body: { a: 1 },
      operationHeaders: { 'x-stainless-helper-method': 'stream' },
      headers: {
        'x-default': null,
        'user-agent': null,
        'openai-organization': null,
        'x-stainless-helper-method': null,
        'content-type': null,
      },
    })
    const h = seen[0]
    for (const name of [
      'x-default',
      'user-agent',
      'openai-organization',
      'x-stainless-helper-method',
      'content-type',
    ])
      expect(h[name]).toBeUndefined()
    expect(h.authorization).toBe('Bearer sk-test-null-headers')
  })
})
