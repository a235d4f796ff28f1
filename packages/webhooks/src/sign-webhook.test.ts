import { createHmac } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { signWebhook } from './sign-webhook'
import { verifyWebhookSignature } from './verify-webhook-signature'

const now = 1750861210

beforeEach(() => {
  vi.spyOn(Date, 'now').mockReturnValue(now * 1000 + 999)
  vi.stubEnv('OPENAI_WEBHOOK_SECRET', undefined)
})

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllEnvs()
})

describe('signWebhook', () => {
  test('reproduces the official OpenAI headers', async () => {
    const payload =
      '{"id": "evt_685c059ae3a481909bdc86819b066fb6", "object": "event", "created_at": 1750861210, "type": "response.completed", "data": {"id": "resp_123"}}'
    expect(
      await signWebhook(payload, {
        secret: 'whsec_RdvaYFYUXuIFuEbvZHwMfYFhUf7aMYjYcmM24+Aj40c=',
        id: 'wh_685c059ae39c8190af8c71ed1022a24d',
        timestamp: 1750861210,
      }),
    ).toEqual({
      'webhook-id': 'wh_685c059ae39c8190af8c71ed1022a24d',
      'webhook-timestamp': '1750861210',
      'webhook-signature': 'v1,gUAg4R2hWouRZqRQG4uJypNS8YK885G838+EHb4nKBY=',
    })
  })

  test('reproduces the standard-webhooks vector', async () => {
    const headers = await signWebhook('{"test": 2432232314}', {
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      timestamp: 1614265330,
    })
    expect(headers['webhook-signature']).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=')
  })

  test('keeps a timestamp given as text exactly', async () => {
    const headers = await signWebhook('{"synthetic": "café"}', {
      secret: 'synthetic-webhook-secret',
      id: 'evt_synthetic',
      timestamp: '01750000000',
    })
    expect(headers['webhook-timestamp']).toBe('01750000000')
    expect(headers['webhook-signature']).toBe('v1,6SGbGlZOGOBZqFzfGnK5UMEaF25XrA60fhHHtvzZr7w=')
  })

  test('defaults to now in whole seconds and a random wh_ id', async () => {
    const first = await signWebhook('{}', { secret: 'whsec_eA==' })
    const second = await signWebhook('{}', { secret: 'whsec_eA==' })
    expect(first['webhook-timestamp']).toBe(String(now))
    expect(first['webhook-id']).toMatch(/^wh_[0-9a-f]{32}$/)
    expect(second['webhook-id']).toMatch(/^wh_[0-9a-f]{32}$/)
    expect(second['webhook-id']).not.toBe(first['webhook-id'])
    const expected = createHmac('sha256', 'x').update(`${first['webhook-id']}.${now}.{}`).digest('base64')
    expect(first['webhook-signature']).toBe(`v1,${expected}`)
  })

  test('signs bytes the same as the text they encode', async () => {
    const options = { secret: 'whsec_eA==', id: 'wh_1', timestamp: now }
    const fromText = await signWebhook('{"a":"é"}', options)
    expect(await signWebhook(new TextEncoder().encode('{"a":"é"}'), options)).toEqual(fromText)
    expect(await signWebhook(new TextEncoder().encode('{"a":"é"}').buffer, options)).toEqual(fromText)
  })

  test('uses OPENAI_WEBHOOK_SECRET when no secret is given', async () => {
    vi.stubEnv('OPENAI_WEBHOOK_SECRET', 'whsec_eA==')
    const options = { id: 'wh_1', timestamp: now }
    expect(await signWebhook('{}', options)).toEqual(
      await signWebhook('{}', { ...options, secret: 'whsec_eA==' }),
    )
  })

  test('its headers verify, as an object and as a Headers', async () => {
    const body = '{"type":"batch.completed","data":{"id":"batch_1"}}'
    const headers = await signWebhook(body, { secret: 'whsec_c2VjcmV0' })
    await expect(verifyWebhookSignature(body, headers, { secret: 'whsec_c2VjcmV0' })).resolves.toBeUndefined()
    await expect(
      verifyWebhookSignature(body, new Headers({ ...headers }), { secret: 'whsec_c2VjcmV0' }),
    ).resolves.toBeUndefined()
  })

  test('refuses a missing secret and a parsed payload with TypeErrors', async () => {
    await expect(signWebhook('{}')).rejects.toThrow(
      new TypeError(
        'The webhook secret must either be set using the env var, OPENAI_WEBHOOK_SECRET, or passed to this function as `{ secret }`',
      ),
    )
    await expect(signWebhook({} as never, { secret: 'whsec_eA==' })).rejects.toThrow(TypeError)
    await expect(signWebhook('{}', { secret: 'whsec_!' })).rejects.toThrow(TypeError)
  })
})
