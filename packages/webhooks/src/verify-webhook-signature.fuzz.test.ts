import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { InvalidWebhookSignatureError } from './errors'
import { signWebhook } from './sign-webhook'
import { unwrapWebhook } from './unwrap-webhook'
import { verifyWebhookSignature } from './verify-webhook-signature'

const now = 1750861210
const secret = 'whsec_RdvaYFYUXuIFuEbvZHwMfYFhUf7aMYjYcmM24+Aj40c='
const payload =
  '{"id": "evt_685c059ae3a481909bdc86819b066fb6", "object": "event", "created_at": 1750861210, "type": "response.completed", "data": {"id": "resp_123"}}'
const validSignature = 'v1,gUAg4R2hWouRZqRQG4uJypNS8YK885G838+EHb4nKBY='

const signatureMessages = [
  'Missing required header: webhook-signature',
  'Missing required header: webhook-timestamp',
  'Missing required header: webhook-id',
  'Invalid webhook timestamp format',
  'Webhook timestamp is too old',
  'Webhook timestamp is too new',
  'The given webhook signature does not match the expected signature',
]
// Every usage error is one of these fixed texts: none is built from the input, so none can echo the secret.
const payloadKinds = [
  'undefined',
  'null',
  'a parsed object',
  'a number',
  'a boolean',
  'a bigint',
  'a symbol',
  'a function',
]
const usageMessages = [
  ...payloadKinds.map(
    (kind) =>
      `The webhook payload must be the raw request body (a string, Uint8Array or ArrayBuffer), not ${kind}: ` +
      'the signature covers the exact bytes sent. Read it with `await request.text()` or `express.raw({ type: "application/json" })`.',
  ),
  'Pass the request headers (a Headers object or a plain object) to verify a webhook',
  'The webhook secret must either be set using the env var, OPENAI_WEBHOOK_SECRET, or passed to this function as `{ secret }`',
  'The webhook secret starts with `whsec_` but the rest is empty or not base64: copy the whole secret from the OpenAI dashboard',
]

const headerName = fc.constantFrom(
  'webhook-id',
  'webhook-timestamp',
  'webhook-signature',
  'Webhook-Id',
  'WEBHOOK-TIMESTAMP',
  'Webhook-Signature',
  'content-type',
)
const timestampText = fc.oneof(
  fc.integer({ min: now - 400, max: now + 400 }).map(String),
  fc.constantFrom('', 'NaN', '1e3', '-0', `${now}.5`, ` ${now}`, `+${now}`, '9'.repeat(400)),
  fc.string(),
)
const signatureList = fc
  .array(
    fc.oneof(
      fc.base64String().map((s) => `v1,${s}`),
      fc.constantFrom(validSignature, 'v1,', 'v1a,x', 'v2,', ','),
      fc.string(),
      fc.string({ unit: 'binary' }),
    ),
    { maxLength: 5 },
  )
  .chain((parts) => fc.constantFrom(' ', '\t', ', ', '  ').map((separator) => parts.join(separator)))
const headerValue = fc.oneof(
  timestampText,
  signatureList,
  fc.string(),
  fc.array(fc.oneof(fc.string(), signatureList), { maxLength: 3 }),
  fc.constant(undefined),
  fc.anything(),
)
const headerDictionary = fc.dictionary(headerName, headerValue)
const headers = fc.oneof(
  headerDictionary,
  // A fetch Headers only holds Latin-1 text without line breaks: keep the generated values to printable ASCII.
  fc
    .dictionary(headerName, fc.oneof(timestampText, signatureList, fc.string()))
    .map((entries) =>
      Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, v.replace(/[^\x20-\x7e]/g, '').trim()])),
    )
    .map((entries) => new Headers(entries)),
  fc.record({
    'webhook-id': fc.oneof(fc.string(), fc.constant('wh_685c059ae39c8190af8c71ed1022a24d')),
    'webhook-timestamp': timestampText,
    'webhook-signature': signatureList,
  }),
  fc.anything(),
)
const body = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.uint8Array({ maxLength: 64 }),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => bytes.buffer),
  fc.constant(payload),
  fc.anything(),
)
const secrets = fc.oneof(
  fc.constant(secret),
  fc.constant(undefined),
  fc.string(),
  fc.base64String().map((s) => `whsec_${s}`),
  fc.string().map((s) => `whsec_${s}`),
)
const tolerance = fc.oneof(
  fc.constant(undefined),
  fc.integer({ min: -1000, max: 1000 }),
  fc.double(),
  fc.constant(null as unknown as number),
)

beforeEach(() => {
  vi.spyOn(Date, 'now').mockReturnValue(now * 1000)
  vi.stubEnv('OPENAI_WEBHOOK_SECRET', undefined)
})

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllEnvs()
})

describe('verifyWebhookSignature and unwrapWebhook under random input', () => {
  test('only ever reject with InvalidWebhookSignatureError or a TypeError with a known, secret-free message', async () => {
    await fc.assert(
      fc.asyncProperty(
        body,
        headers,
        secrets,
        tolerance,
        fc.boolean(),
        async (payload, headers, secret, tolerance, unwrap) => {
          const call = unwrap ? unwrapWebhook : verifyWebhookSignature
          const outcome = await call(payload as never, headers as never, { secret, tolerance }).then(
            () => undefined,
            (error: unknown) => error,
          )
          // A generated combination may happen to be authentic (the official vector): that is a pass too.
          if (outcome === undefined) return
          if (outcome instanceof InvalidWebhookSignatureError) {
            expect(signatureMessages).toContain(outcome.message)
          } else {
            expect(outcome).toBeInstanceOf(TypeError)
            expect(usageMessages).toContain((outcome as TypeError).message)
          }
          // A short generated secret such as "whsec_`" can occur inside the fixed wording by chance.
          const inWording = [...signatureMessages, ...usageMessages].some((text) =>
            text.includes(String(secret)),
          )
          if (typeof secret === 'string' && secret.length > 6 && !inWording)
            expect((outcome as Error).message).not.toContain(secret)
        },
      ),
      { numRuns: 3000 },
    )
  })

  test('an authentic body verifies, and changing any one byte of it is a signature mismatch', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 1, maxLength: 256 }),
        fc.string(),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (bytes, id, position, flip) => {
          const headers = await signWebhook(bytes, { secret, id, timestamp: now })
          await expect(verifyWebhookSignature(bytes, headers, { secret })).resolves.toBeUndefined()
          const changed = Uint8Array.from(bytes)
          changed[position % changed.length] ^= flip
          await expect(verifyWebhookSignature(changed, headers, { secret })).rejects.toThrow(
            new InvalidWebhookSignatureError(
              'The given webhook signature does not match the expected signature',
            ),
          )
        },
      ),
      { numRuns: 500 },
    )
  })
})
