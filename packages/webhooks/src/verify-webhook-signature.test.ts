import { createHmac } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { InvalidWebhookSignatureError } from './errors'
import { verifyWebhookSignature } from './verify-webhook-signature'

// The official OpenAI vector (openai-python and openai-node tests).
const payload =
  '{"id": "evt_685c059ae3a481909bdc86819b066fb6", "object": "event", "created_at": 1750861210, "type": "response.completed", "data": {"id": "resp_123"}}'
const secret = 'whsec_RdvaYFYUXuIFuEbvZHwMfYFhUf7aMYjYcmM24+Aj40c='
const signature = 'v1,gUAg4R2hWouRZqRQG4uJypNS8YK885G838+EHb4nKBY='
const now = 1750861210
const officialHeaders = () => ({
  'webhook-id': 'wh_685c059ae39c8190af8c71ed1022a24d',
  'webhook-timestamp': String(now),
  'webhook-signature': signature,
})

const MISMATCH = 'The given webhook signature does not match the expected signature'

/** An independent signer (node:crypto), so the fixtures do not depend on the code under test. */
function nodeSignature(key: string, id: string, timestamp: string, body: string | Uint8Array): string {
  const keyBytes = key.startsWith('whsec_') ? Buffer.from(key.slice(6), 'base64') : Buffer.from(key)
  const hmac = createHmac('sha256', keyBytes).update(id ? `${id}.${timestamp}.` : `${timestamp}.`)
  return hmac.update(body).digest('base64')
}

function fixture({
  timestamp = String(now),
  id = 'wh_test',
  key = secret,
  body = payload,
  prefix = 'v1,',
}: {
  timestamp?: string
  id?: string
  key?: string
  body?: string | Uint8Array
  prefix?: string
} = {}) {
  return {
    'webhook-id': id,
    'webhook-timestamp': timestamp,
    'webhook-signature': `${prefix}${nodeSignature(key, id, timestamp, body)}`,
  }
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  const outcome = await promise.then(
    () => undefined,
    (error: Error) => error,
  )
  if (!outcome) throw new Error('expected a rejection')
  return outcome
}

beforeEach(() => {
  vi.spyOn(Date, 'now').mockReturnValue(now * 1000)
  vi.stubEnv('OPENAI_WEBHOOK_SECRET', undefined)
})

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllEnvs()
  vi.unstubAllGlobals()
})

describe('verifyWebhookSignature: the official vector', () => {
  test('verifies with headers as a plain object, a Headers object and upper-case names', async () => {
    await expect(verifyWebhookSignature(payload, officialHeaders(), { secret })).resolves.toBeUndefined()
    await expect(
      verifyWebhookSignature(payload, new Headers(officialHeaders()), { secret }),
    ).resolves.toBeUndefined()
    const upper = Object.fromEntries(Object.entries(officialHeaders()).map(([k, v]) => [k.toUpperCase(), v]))
    await expect(verifyWebhookSignature(payload, upper, { secret })).resolves.toBeUndefined()
  })

  test('verifies the payload given as bytes: Uint8Array, Buffer, ArrayBuffer', async () => {
    const bytes = new TextEncoder().encode(payload)
    await expect(verifyWebhookSignature(bytes, officialHeaders(), { secret })).resolves.toBeUndefined()
    await expect(
      verifyWebhookSignature(Buffer.from(payload), officialHeaders(), { secret }),
    ).resolves.toBeUndefined()
    await expect(verifyWebhookSignature(bytes.buffer, officialHeaders(), { secret })).resolves.toBeUndefined()
  })

  test('takes the secret from OPENAI_WEBHOOK_SECRET when none is given', async () => {
    vi.stubEnv('OPENAI_WEBHOOK_SECRET', secret)
    await expect(verifyWebhookSignature(payload, officialHeaders())).resolves.toBeUndefined()
  })

  test('works without Node Buffer', async () => {
    vi.stubGlobal('Buffer', undefined)
    await expect(verifyWebhookSignature(payload, officialHeaders(), { secret })).resolves.toBeUndefined()
  })

  test('rejects the payload changed by one byte, at every position', async () => {
    for (let i = 0; i < payload.length; i++) {
      const changed =
        payload.slice(0, i) + String.fromCharCode(payload.charCodeAt(i) ^ 1) + payload.slice(i + 1)
      const error = await failure(verifyWebhookSignature(changed, officialHeaders(), { secret }))
      expect(error).toBeInstanceOf(InvalidWebhookSignatureError)
      expect(error.message).toBe(MISMATCH)
    }
  })

  test('rejects a wrong secret, raw or whsec_', async () => {
    for (const wrong of ['invalid_secret', 'whsec_RdvaYFYUXuIFuEbvZHwMfYFhUf7aMYjYcmM24+Aj40Q=']) {
      const error = await failure(verifyWebhookSignature(payload, officialHeaders(), { secret: wrong }))
      expect(error).toBeInstanceOf(InvalidWebhookSignatureError)
      expect(error.message).toBe(MISMATCH)
    }
  })

  test('rejects the vector 400 s later and 400 s earlier, before looking at the signature', async () => {
    vi.spyOn(Date, 'now').mockReturnValue((now + 400) * 1000)
    await expect(verifyWebhookSignature(payload, officialHeaders(), { secret })).rejects.toThrow(
      new InvalidWebhookSignatureError('Webhook timestamp is too old'),
    )
    vi.spyOn(Date, 'now').mockReturnValue((now - 400) * 1000)
    await expect(verifyWebhookSignature(payload, officialHeaders(), { secret })).rejects.toThrow(
      new InvalidWebhookSignatureError('Webhook timestamp is too new'),
    )
  })

  test('a wider tolerance lets a 400 s old timestamp through to the signature check', async () => {
    const headers = { ...officialHeaders(), 'webhook-timestamp': String(now - 400) }
    await expect(verifyWebhookSignature(payload, headers, { secret })).rejects.toThrow(
      'Webhook timestamp is too old',
    )
    await expect(verifyWebhookSignature(payload, headers, { secret, tolerance: 600 })).rejects.toThrow(
      MISMATCH,
    )
  })

  test('rejects a garbage signature list', async () => {
    for (const garbage of [
      '',
      'v1,',
      'garbage',
      'v1,invalid_signature1 v1,invalid_signature2',
      'v1,gUAg4R2h',
    ]) {
      const headers = { ...officialHeaders(), 'webhook-signature': garbage }
      const error = await failure(verifyWebhookSignature(payload, headers, { secret }))
      expect(error).toBeInstanceOf(InvalidWebhookSignatureError)
      expect(error.message).toBe(MISMATCH)
    }
  })
})

describe('verifyWebhookSignature: headers', () => {
  test('a missing header is named, checked in the order signature, timestamp, id', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{}, 'webhook-signature'],
      [{ 'webhook-id': 'wh_1', 'webhook-timestamp': String(now) }, 'webhook-signature'],
      [{ 'webhook-signature': signature, 'webhook-id': 'wh_1' }, 'webhook-timestamp'],
      [{ 'webhook-signature': signature }, 'webhook-timestamp'],
      [{ 'webhook-signature': signature, 'webhook-timestamp': String(now) }, 'webhook-id'],
    ]
    for (const [headers, name] of cases) {
      for (const shape of [headers, new Headers(headers)]) {
        const error = await failure(verifyWebhookSignature(payload, shape, { secret }))
        expect(error).toBeInstanceOf(InvalidWebhookSignatureError)
        expect(error.message).toBe(`Missing required header: ${name}`)
      }
    }
  })

  test("accepts Node's IncomingHttpHeaders with a repeated signature header", async () => {
    const valid = fixture()
    const headers = { ...valid, 'webhook-signature': ['v1,invalid_signature', valid['webhook-signature']] }
    await expect(verifyWebhookSignature(payload, headers, { secret })).resolves.toBeUndefined()
  })

  test('refuses headers that are not an object with a clear TypeError', async () => {
    await expect(verifyWebhookSignature(payload, null as never, { secret })).rejects.toThrow(
      new TypeError('Pass the request headers (a Headers object or a plain object) to verify a webhook'),
    )
  })
})

describe('verifyWebhookSignature: timestamp window', () => {
  test.each([
    { offset: -300, tolerance: undefined, error: undefined },
    { offset: 300, tolerance: undefined, error: undefined },
    { offset: -301, tolerance: undefined, error: 'Webhook timestamp is too old' },
    { offset: 301, tolerance: undefined, error: 'Webhook timestamp is too new' },
    { offset: 0, tolerance: 0, error: undefined },
    { offset: -1, tolerance: 0, error: 'Webhook timestamp is too old' },
    { offset: 1, tolerance: 0, error: 'Webhook timestamp is too new' },
    { offset: 0, tolerance: -1, error: 'Webhook timestamp is too old' },
    { offset: 599, tolerance: 600, error: undefined },
    { offset: -601, tolerance: 600, error: 'Webhook timestamp is too old' },
    { offset: -100_000, tolerance: Number.NaN, error: undefined },
    { offset: 100_000, tolerance: Number.POSITIVE_INFINITY, error: undefined },
    { offset: 0, tolerance: null, error: undefined },
    { offset: -1, tolerance: null, error: 'Webhook timestamp is too old' },
  ])('offset $offset s with tolerance $tolerance: $error', async ({ offset, tolerance, error }) => {
    const headers = fixture({ timestamp: String(now + offset) })
    const result = verifyWebhookSignature(payload, headers, {
      secret,
      tolerance: tolerance as number | undefined,
    })
    if (error) await expect(result).rejects.toThrow(new InvalidWebhookSignatureError(error))
    else await expect(result).resolves.toBeUndefined()
  })

  test.each([`${now}.75`, `${now}suffix`, `+${now}`, `0${now}`, ` ${now}`, `${now} `])(
    'parses the numeric prefix of %j but signs the header text as sent',
    async (timestamp) => {
      await expect(
        verifyWebhookSignature(payload, fixture({ timestamp }), { secret }),
      ).resolves.toBeUndefined()
      // The same signature under the plain timestamp text must not verify.
      const headers = { ...fixture({ timestamp }), 'webhook-timestamp': String(now) }
      await expect(verifyWebhookSignature(payload, headers, { secret })).rejects.toThrow(MISMATCH)
    },
  )

  test.each(['', 'not-a-number', 'abc123', ' ', '-', 'NaN'])(
    'refuses the timestamp %j',
    async (timestamp) => {
      const error = await failure(verifyWebhookSignature(payload, fixture({ timestamp }), { secret }))
      expect(error).toBeInstanceOf(InvalidWebhookSignatureError)
      expect(error.message).toBe('Invalid webhook timestamp format')
    },
  )

  test('a fractional timestamp counts by its integer part, as parseInt reads it', async () => {
    await expect(verifyWebhookSignature(payload, fixture({ timestamp: '1.5' }), { secret })).rejects.toThrow(
      'Webhook timestamp is too old',
    )
  })
})

describe('verifyWebhookSignature: secrets and signatures', () => {
  test('an empty webhook-id signs timestamp.payload', async () => {
    await expect(verifyWebhookSignature(payload, fixture({ id: '' }), { secret })).resolves.toBeUndefined()
    const standardStyle = {
      'webhook-id': '',
      'webhook-timestamp': String(now),
      'webhook-signature': `v1,${nodeSignature(secret, 'x', String(now), payload).replace(/./, 'A')}`,
    }
    await expect(verifyWebhookSignature(payload, standardStyle, { secret })).rejects.toThrow(MISMATCH)
  })

  test('a raw secret (UTF-8 key) with a bare signature, and a whsec_ secret with v1, both verify', async () => {
    await expect(
      verifyWebhookSignature(payload, fixture({ key: 'x', prefix: '' }), { secret: 'x' }),
    ).resolves.toBeUndefined()
    await expect(
      verifyWebhookSignature(payload, fixture({ key: 'whsec_eA==' }), { secret: 'whsec_eA==' }),
    ).resolves.toBeUndefined()
    // whsec_eA== is the key "x"; the raw secret "eA==" is not base64-decoded, so its key is the four bytes "eA==".
    await expect(
      verifyWebhookSignature(payload, fixture({ key: 'whsec_eA==' }), { secret: 'x' }),
    ).resolves.toBeUndefined()
    await expect(
      verifyWebhookSignature(payload, fixture({ key: 'whsec_eA==' }), { secret: 'eA==' }),
    ).rejects.toThrow(MISMATCH)
  })

  test('the synthetic vector verifies with the raw and the prefixed secret and a UTF-8 payload', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(1750000000 * 1000)
    const headers = {
      'webhook-id': 'evt_synthetic',
      'webhook-timestamp': '1750000000',
      'webhook-signature': 'v1,qzuLCtHIXTcfJr8yxIcKC07cOqyNSgdmZRut6AFa+RA=',
    }
    const body = '{"synthetic": "café"}'
    for (const key of ['synthetic-webhook-secret', 'whsec_c3ludGhldGljLXdlYmhvb2stc2VjcmV0']) {
      await expect(verifyWebhookSignature(body, headers, { secret: key })).resolves.toBeUndefined()
      await expect(
        verifyWebhookSignature(new TextEncoder().encode(body), headers, { secret: key }),
      ).resolves.toBeUndefined()
    }
    const leadingZero = {
      ...headers,
      'webhook-timestamp': '01750000000',
      'webhook-signature': 'v1,6SGbGlZOGOBZqFzfGnK5UMEaF25XrA60fhHHtvzZr7w=',
    }
    await expect(
      verifyWebhookSignature(body, leadingZero, { secret: 'synthetic-webhook-secret' }),
    ).resolves.toBeUndefined()
  })

  test('signs raw bytes as they are, even when they are not valid UTF-8', async () => {
    const body = Uint8Array.of(0x7b, 0xff, 0xfe, 0x7d)
    await expect(verifyWebhookSignature(body, fixture({ body }), { secret })).resolves.toBeUndefined()
  })

  test('tries every candidate: the valid one may come anywhere in the list', async () => {
    const valid = fixture()['webhook-signature']
    const bare = valid.slice(3)
    for (const list of [
      `v1,invalid_signature ${valid}`,
      `${valid} v1,invalid_signature`,
      `v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= ${valid} v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=`,
      `v1a,hnO3f9T8Ytu9HwrXslvumlUpqtNVqkhqw/enGzPCXe5BdqzCInXqYXFymVJaA7AZdpXwVLPo3mNl8EM+m7TBAg== ${valid}`,
      `v1,invalid\t${valid}`,
      `v1,invalid, ${valid}`,
      `  ${valid}  `,
      `v1, ${bare}`,
      bare,
    ]) {
      await expect(
        verifyWebhookSignature(payload, { ...fixture(), 'webhook-signature': list }, { secret }),
      ).resolves.toBeUndefined()
    }
  })

  test('skips malformed candidates and rejects when none is valid', async () => {
    const valid = fixture()['webhook-signature']
    const malformed = [
      'v1,',
      'v1,%%%',
      valid.slice(0, 8),
      `${valid}AA`,
      'v1,é',
      `v2,${valid.slice(3)}`,
      `v1a,${valid.slice(3)}`,
    ]
    await expect(
      verifyWebhookSignature(
        payload,
        { ...fixture(), 'webhook-signature': [...malformed, valid].join(' ') },
        { secret },
      ),
    ).resolves.toBeUndefined()
    for (const candidate of malformed) {
      await expect(
        verifyWebhookSignature(payload, { ...fixture(), 'webhook-signature': candidate }, { secret }),
      ).rejects.toThrow(new InvalidWebhookSignatureError(MISMATCH))
    }
  })
})

describe('verifyWebhookSignature: usage errors', () => {
  const noSecret =
    'The webhook secret must either be set using the env var, OPENAI_WEBHOOK_SECRET, or passed to this function as `{ secret }`'

  test('without a secret, says how to set one', async () => {
    await expect(verifyWebhookSignature(payload, officialHeaders())).rejects.toThrow(new TypeError(noSecret))
    await expect(verifyWebhookSignature(payload, officialHeaders(), { secret: '' })).rejects.toThrow(
      new TypeError(noSecret),
    )
  })

  test('refuses a parsed payload and says to pass the raw body', async () => {
    const error = await failure(verifyWebhookSignature(JSON.parse(payload), officialHeaders(), { secret }))
    expect(error).toBeInstanceOf(TypeError)
    expect(error.message).toMatch(
      /^The webhook payload must be the raw request body .*, not a parsed object: /,
    )
  })

  test('refuses a malformed whsec_ secret as a usage error', async () => {
    const error = await failure(verifyWebhookSignature(payload, officialHeaders(), { secret: 'whsec_%%%' }))
    expect(error).toBeInstanceOf(TypeError)
    expect(error.message).not.toContain('%%%')
  })

  test('checks in the order: crypto, secret, headers, timestamp, then the secret format', async () => {
    vi.stubGlobal('crypto', undefined)
    await expect(verifyWebhookSignature('{}', {})).rejects.toThrow(
      new TypeError('Webhook signature verification is only supported when the `crypto` global is defined'),
    )
    vi.unstubAllGlobals()
    await expect(verifyWebhookSignature('{}', {})).rejects.toThrow(new TypeError(noSecret))
    await expect(verifyWebhookSignature('{}', {}, { secret })).rejects.toThrow(
      'Missing required header: webhook-signature',
    )
    const importKey = vi.spyOn(crypto.subtle, 'importKey')
    await expect(
      verifyWebhookSignature(
        payload,
        { ...fixture(), 'webhook-timestamp': 'invalid' },
        { secret: 'whsec_%%%' },
      ),
    ).rejects.toThrow('Invalid webhook timestamp format')
    expect(importKey).not.toHaveBeenCalled()
  })

  test('no error message contains the secret, the expected signature or its bytes', async () => {
    const expected = fixture()['webhook-signature'].slice(3)
    const expectedHex = Buffer.from(expected, 'base64').toString('hex')
    const errors = await Promise.all([
      failure(verifyWebhookSignature(`${payload} `, fixture(), { secret })),
      failure(verifyWebhookSignature(payload, fixture(), { secret: 'whsec_c2VjcmV0LXdyb25n' })),
      failure(verifyWebhookSignature(payload, fixture({ timestamp: String(now - 301) }), { secret })),
      failure(verifyWebhookSignature(payload, { 'webhook-signature': 'v1,x' }, { secret })),
      failure(verifyWebhookSignature(payload, fixture(), { secret: 'whsec_sec ret%' })),
    ])
    for (const error of errors) {
      for (const secretText of [
        secret,
        secret.slice(6),
        'c2VjcmV0LXdyb25n',
        'sec ret',
        expected,
        expectedHex,
      ]) {
        expect(error.message).not.toContain(secretText)
        expect(String(error.stack)).not.toContain(secretText)
      }
    }
  })
})
