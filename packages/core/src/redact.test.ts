import { describe, expect, it } from 'vitest'
import { _secretValues, redactHeaders, redactSecrets, redactURL } from './redact'

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

  it('treats exactly the credential header and query names as secret', () => {
    const secret = [
      'authorization',
      'proxy-authorization',
      'api-key',
      'x-api-key',
      'openai-api-key',
      'cookie',
      'set-cookie',
      'x-auth-token',
      'x-id-token',
      'x-session-token',
      'x-amz-security-token',
    ]
    const other = ['x-api-keys', 'api', 'token', 'openai-key', 'x-token', 'cookies', 'content-type']
    const headers = Object.fromEntries([...secret, ...other].map((name) => [name, 'value-12345678']))
    expect(redactHeaders(headers)).toEqual({
      ...headers,
      ...Object.fromEntries(secret.map((name) => [name, '***'])),
    })
    expect(_secretValues(headers)).toEqual(secret.map(() => 'value-12345678'))
    const names =
      'api_key apikey api-key key access_token accesstoken id-token token refresh_token password secret'
    const more = 'client_secret clientsecret sig signature code x-goog-signature X-Amz-Credential Api_Key'
    const kept = 'keys api tokens access-key signatures sign codes x-goog x-amz passwords client'
    const query = (list: string) => list.split(' ').map((name) => `${name}=v`)
    const url = `https://h.test/?${[...query(names), ...query(more), ...query(kept)].join('&')}`
    expect(redactURL(url)).toBe(
      `https://h.test/?${[...query(names), ...query(more)]
        .map((p) => p.replace('=v', '=***'))
        .concat(query(kept))
        .join('&')}`,
    )
  })
})
