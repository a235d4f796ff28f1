import { describe, expect, it } from 'vitest'
import { unknownRouteMessage } from './unknown-route'

describe('unknownRouteMessage', () => {
  it('keeps the plain message for an unknown /v1 path', () => {
    expect(unknownRouteMessage('PATCH', '/v1/nothing/here', '127.0.0.1:4010')).toBe(
      'Invalid URL (PATCH /v1/nothing/here): the mock server has no such route.',
    )
  })

  it('says the base URL lacks /v1 and shows the line to paste', () => {
    const message = unknownRouteMessage('POST', '/responses', '127.0.0.1:5123')
    expect(message).toContain('Invalid URL (POST /responses)')
    expect(message).toContain('every API path starts with /v1')
    expect(message).toContain('OPENAI_BASE_URL=http://127.0.0.1:5123/v1')
    expect(message).toContain('/v1/responses')
  })
})
