import { createClient } from '@acme/openai-core'
import { expect, it } from 'vitest'
import { helperMethodHeader } from './helper-method-header'

it('names the helper unless the client nulls the header in any letter case', () => {
  const base = { apiKey: 'k', baseURL: 'http://127.0.0.1:1/v1' }
  expect(helperMethodHeader(createClient(base), 'stream')).toEqual({ 'x-stainless-helper-method': 'stream' })
  const off = createClient({ ...base, defaultHeaders: { 'X-Stainless-Helper-Method': null } })
  expect(helperMethodHeader(off, 'stream')).toBe(undefined)
  const other = createClient({ ...base, defaultHeaders: { 'x-stainless-helper-method': 'mine' } })
  expect(helperMethodHeader(other, 'runTools')).toEqual({ 'x-stainless-helper-method': 'runTools' })
})
