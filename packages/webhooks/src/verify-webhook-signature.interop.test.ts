import { Webhook } from 'standardwebhooks'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { signWebhook } from './sign-webhook'
import { verifyWebhookSignature } from './verify-webhook-signature'

// Interoperability with the reference Standard Webhooks library (the `standardwebhooks` npm package).
const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
const now = 1750861210
const payloads = [
  '{"test": 2432232314}',
  '{"id":"evt_1","object":"event","created_at":1750861210,"type":"batch.completed","data":{"id":"batch_1"}}',
  '{"text":"café ☕ 𝄞"}',
  '',
]

beforeEach(() => {
  vi.spyOn(Date, 'now').mockReturnValue(now * 1000)
})

afterEach(() => {
  vi.restoreAllMocks()
})

describe('interop with the standardwebhooks package', () => {
  test.each(payloads)('its signature of %j verifies with ours', async (payload) => {
    const signature = new Webhook(secret).sign('msg_1', new Date(now * 1000), payload)
    const headers = {
      'webhook-id': 'msg_1',
      'webhook-timestamp': String(now),
      'webhook-signature': signature,
    }
    await expect(verifyWebhookSignature(payload, headers, { secret })).resolves.toBeUndefined()
  })

  test.each(payloads)('our signature of %j verifies with it', async (payload) => {
    const headers = await signWebhook(payload, { secret, id: 'msg_1' })
    const result = new Webhook(secret).verify(payload, headers, { jsonParse: false })
    expect(result).toBeUndefined()
  })

  test('its sign-function vector matches ours', async () => {
    const options = { secret, id: 'msg_p5jXN8AQM9LWM0D4loKWxJek', timestamp: 1614265330 }
    const ours = await signWebhook('{"test": 2432232314}', options)
    expect(ours['webhook-signature']).toBe(
      new Webhook(secret).sign(options.id, new Date(options.timestamp * 1000), '{"test": 2432232314}'),
    )
  })

  test('each rejects a tampered body signed by the other', async () => {
    const payload = payloads[1]
    const theirs = new Webhook(secret).sign('msg_1', new Date(now * 1000), payload)
    const headers = { 'webhook-id': 'msg_1', 'webhook-timestamp': String(now), 'webhook-signature': theirs }
    await expect(verifyWebhookSignature(`${payload} `, headers, { secret })).rejects.toThrow(
      'The given webhook signature does not match the expected signature',
    )
    const ours = await signWebhook(payload, { secret, id: 'msg_1' })
    expect(() => new Webhook(secret).verify(`${payload} `, ours)).toThrow('No matching signature found')
  })

  test('a secret without whsec_ is text for OpenAI but base64 for standardwebhooks, so they disagree', async () => {
    const bare = 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
    const ours = await signWebhook('{"test": 2432232314}', {
      secret: bare,
      id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      timestamp: 1614265330,
    })
    expect(ours['webhook-signature']).toBe('v1,ELhqG0Ku1gwOc1f4jyKdp3SFGFLAOdJ9bvpWLciCakI=')
    expect(
      new Webhook(bare).sign('msg_p5jXN8AQM9LWM0D4loKWxJek', new Date(1614265330000), '{"test": 2432232314}'),
    ).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=')
  })
})
