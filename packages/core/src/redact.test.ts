import { describe, expect, it } from 'vitest'
import { redactHeaders, redactSecrets, redactURL } from './redact'

describe('redaction', () => {
  it('hides credential headers, keeps the rest', () => {
    expect(
      redactHeaders({
        authorization: 'Bearer sk-1',
        'api-key': 'x',
        cookie: 'c',
        'content-type': 'application/json',
      }),
    ).toEqual({ authorization: '***', 'api-key': '***', cookie: '***', 'content-type': 'application/json' })
  })

  it('hides user info, fragments and token-like query values', () => {
    expect(redactURL('https://user:pass@h.test/a?api_key=sk-1&limit=2&access_token=t&sig=s#frag')).toBe(
      'https://***@h.test/a?api_key=***&limit=2&access_token=***&sig=***',
    )
  })

  it('masks API keys and bearer tokens in free text', () => {
    expect(redactSecrets('key sk-proj-abcdefgh1234 and Bearer eyJhbGciOi.xyz')).toBe(
      'key sk-*** and Bearer ***',
    )
  })
})
