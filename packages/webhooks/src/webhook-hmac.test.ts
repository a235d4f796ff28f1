import { createHmac } from 'node:crypto'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { encodeBase64 } from './base64'
import { secretBytes } from './secret-bytes'
import { requireSubtleCrypto, webhookHmac } from './webhook-hmac'

const utf8 = (text: string) => new TextEncoder().encode(text)

async function sign(secret: string, id: string, timestamp: string, payload: string) {
  return encodeBase64(
    await webhookHmac(requireSubtleCrypto(), secretBytes(secret), id, timestamp, utf8(payload)),
  )
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('webhookHmac', () => {
  test('matches the official OpenAI vector', async () => {
    const payload =
      '{"id": "evt_685c059ae3a481909bdc86819b066fb6", "object": "event", "created_at": 1750861210, "type": "response.completed", "data": {"id": "resp_123"}}'
    expect(
      await sign(
        'whsec_RdvaYFYUXuIFuEbvZHwMfYFhUf7aMYjYcmM24+Aj40c=',
        'wh_685c059ae39c8190af8c71ed1022a24d',
        '1750861210',
        payload,
      ),
    ).toBe('gUAg4R2hWouRZqRQG4uJypNS8YK885G838+EHb4nKBY=')
  })

  test('matches the standard-webhooks vector, and differs with the bare secret used as text', async () => {
    const args = ['msg_p5jXN8AQM9LWM0D4loKWxJek', '1614265330', '{"test": 2432232314}'] as const
    expect(await sign('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', ...args)).toBe(
      'g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    )
    expect(await sign('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', ...args)).toBe(
      'ELhqG0Ku1gwOc1f4jyKdp3SFGFLAOdJ9bvpWLciCakI=',
    )
  })

  test('matches the synthetic vectors: raw and prefixed secret, UTF-8 payload, timestamp text as sent', async () => {
    const args = ['evt_synthetic', '1750000000', '{"synthetic": "café"}'] as const
    expect(await sign('synthetic-webhook-secret', ...args)).toBe(
      'qzuLCtHIXTcfJr8yxIcKC07cOqyNSgdmZRut6AFa+RA=',
    )
    expect(await sign('whsec_c3ludGhldGljLXdlYmhvb2stc2VjcmV0', ...args)).toBe(
      'qzuLCtHIXTcfJr8yxIcKC07cOqyNSgdmZRut6AFa+RA=',
    )
    expect(
      await sign('synthetic-webhook-secret', 'evt_synthetic', '01750000000', '{"synthetic": "café"}'),
    ).toBe('6SGbGlZOGOBZqFzfGnK5UMEaF25XrA60fhHHtvzZr7w=')
  })

  test('signs timestamp.payload when the id is empty, as openai-node does', async () => {
    const key = Buffer.from('x')
    expect(await sign('whsec_eA==', '', '1750000000', '{}')).toBe(
      createHmac('sha256', key).update('1750000000.{}').digest('base64'),
    )
    expect(await sign('whsec_eA==', '', '1750000000', '{}')).not.toBe(
      createHmac('sha256', key).update('.1750000000.{}').digest('base64'),
    )
  })
})

describe('requireSubtleCrypto', () => {
  test('returns crypto.subtle', () => {
    expect(requireSubtleCrypto()).toBe(globalThis.crypto.subtle)
  })

  test('says Web Crypto is needed when the runtime lacks it', () => {
    vi.stubGlobal('crypto', undefined)
    expect(() => requireSubtleCrypto()).toThrow(
      new TypeError('Webhook signature verification is only supported when the `crypto` global is defined'),
    )
    vi.stubGlobal('crypto', {})
    expect(() => requireSubtleCrypto()).toThrow(TypeError)
  })
})
