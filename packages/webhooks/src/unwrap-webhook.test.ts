import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { InvalidWebhookSignatureError } from './errors'
import type { WebhookEvent } from './events'
import { signWebhook } from './sign-webhook'
import { unwrapWebhook } from './unwrap-webhook'

const payload =
  '{"id": "evt_685c059ae3a481909bdc86819b066fb6", "object": "event", "created_at": 1750861210, "type": "response.completed", "data": {"id": "resp_123"}}'
const secret = 'whsec_RdvaYFYUXuIFuEbvZHwMfYFhUf7aMYjYcmM24+Aj40c='
const headers = {
  'webhook-id': 'wh_685c059ae39c8190af8c71ed1022a24d',
  'webhook-timestamp': '1750861210',
  'webhook-signature': 'v1,gUAg4R2hWouRZqRQG4uJypNS8YK885G838+EHb4nKBY=',
}
const expected = {
  id: 'evt_685c059ae3a481909bdc86819b066fb6',
  object: 'event',
  created_at: 1750861210,
  type: 'response.completed',
  data: { id: 'resp_123' },
}

beforeEach(() => {
  vi.spyOn(Date, 'now').mockReturnValue(1750861210000)
  vi.stubEnv('OPENAI_WEBHOOK_SECRET', undefined)
})

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllEnvs()
})

describe('unwrapWebhook', () => {
  test('returns the event of the official vector', async () => {
    expect(await unwrapWebhook(payload, headers, { secret })).toEqual(expected)
  })

  test('parses a payload given as bytes', async () => {
    expect(await unwrapWebhook(new TextEncoder().encode(payload), new Headers(headers), { secret })).toEqual(
      expected,
    )
    expect(await unwrapWebhook(new TextEncoder().encode(payload).buffer, headers, { secret })).toEqual(
      expected,
    )
  })

  test('reads the secret from OPENAI_WEBHOOK_SECRET', async () => {
    vi.stubEnv('OPENAI_WEBHOOK_SECRET', secret)
    expect(await unwrapWebhook(payload, headers)).toEqual(expected)
  })

  test('does not parse a body that fails verification', async () => {
    const parse = vi.spyOn(JSON, 'parse')
    await expect(unwrapWebhook('{"tampered": true}', headers, { secret })).rejects.toThrow(
      new InvalidWebhookSignatureError('The given webhook signature does not match the expected signature'),
    )
    expect(parse).not.toHaveBeenCalled()
  })

  test('passes the tolerance on', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(1750861220000)
    await expect(unwrapWebhook(payload, headers, { secret, tolerance: 5 })).rejects.toThrow(
      'Webhook timestamp is too old',
    )
    expect(await unwrapWebhook(payload, headers, { secret, tolerance: 10 })).toEqual(expected)
  })

  test('parses an event type newer than this package, unchanged', async () => {
    const body = JSON.stringify({
      id: 'evt_1',
      object: 'event',
      created_at: 1750861210,
      type: 'safety_identifier.blocked',
      data: { safety_category: 'x', safety_identifier: 'user_1' },
    })
    const event: WebhookEvent = await unwrapWebhook(body, await signWebhook(body, { secret }), { secret })
    expect(event).toEqual(JSON.parse(body))
    expect(String(event.type)).toBe('safety_identifier.blocked')
  })

  test('an authentic body that is not JSON rejects with the SyntaxError of JSON.parse', async () => {
    const body = 'not json'
    await expect(unwrapWebhook(body, await signWebhook(body, { secret }), { secret })).rejects.toThrow(
      SyntaxError,
    )
  })
})
