import { decodeBase64 } from './base64'
import { constantTimeEqual } from './constant-time-equal'
import { InvalidWebhookSignatureError } from './errors'
import { payloadBytes, type WebhookPayload } from './payload-bytes'
import { readHeader, type WebhookHeaders } from './read-header'
import { secretBytes } from './secret-bytes'
import { requireSubtleCrypto, webhookHmac } from './webhook-hmac'
import { resolveWebhookSecret } from './webhook-secret'

/** Options for {@link verifyWebhookSignature} and `unwrapWebhook`. */
export interface VerifyWebhookOptions {
  /** The endpoint's signing secret (`whsec_…`). Defaults to `OPENAI_WEBHOOK_SECRET` where an environment exists. */
  secret?: string
  /**
   * How far, in seconds, `webhook-timestamp` may lie in the past or in the future. Default 300. As in openai-node,
   * `Infinity` or `NaN` switch the window off and a negative value rejects every timestamp.
   */
  tolerance?: number
}

/**
 * Checks that a webhook request was signed by OpenAI (Standard Webhooks, HMAC-SHA256) and is recent. Resolves when
 * it is authentic; rejects with {@link InvalidWebhookSignatureError} when it is not, and with a `TypeError` when the
 * call itself is wrong (a parsed body, no secret, a malformed `whsec_` secret, no Web Crypto).
 *
 * @param payload - the raw request body, exactly as received
 * @param headers - the request headers; `webhook-id`, `webhook-timestamp` and `webhook-signature` are read
 */
export async function verifyWebhookSignature(
  payload: WebhookPayload,
  headers: WebhookHeaders,
  options: VerifyWebhookOptions = {},
): Promise<void> {
  const body = payloadBytes(payload)
  const subtle = requireSubtleCrypto()
  const secret = resolveWebhookSecret(options.secret)
  const signatures = requiredHeader(headers, 'webhook-signature')
  const timestamp = requiredHeader(headers, 'webhook-timestamp')
  const id = requiredHeader(headers, 'webhook-id')

  // parseInt takes a numeric prefix ("1750861210.75") as openai-node does; the header text itself is what is signed.
  const seconds = Number.parseInt(timestamp, 10)
  if (Number.isNaN(seconds)) throw new InvalidWebhookSignatureError('Invalid webhook timestamp format')
  const now = Math.floor(Date.now() / 1000)
  const { tolerance = 300 } = options
  if (now - seconds > tolerance) throw new InvalidWebhookSignatureError('Webhook timestamp is too old')
  if (seconds > now + tolerance) throw new InvalidWebhookSignatureError('Webhook timestamp is too new')

  const expected = await webhookHmac(subtle, secretBytes(secret), id, timestamp, body)
  // Candidates are separated by whitespace (", " too, which is how a repeated header arrives joined). An optional
  // "v1," names the scheme; other schemes, bad base64 and wrong lengths simply never match.
  const matches = signatures
    .split(/,?\s+/)
    .some((candidate) =>
      constantTimeEqual(decodeBase64(candidate.startsWith('v1,') ? candidate.slice(3) : candidate), expected),
    )
  if (!matches) {
    throw new InvalidWebhookSignatureError(
      'The given webhook signature does not match the expected signature',
    )
  }
}

function requiredHeader(headers: WebhookHeaders, name: string): string {
  const value = readHeader(headers, name)
  if (value === undefined) throw new InvalidWebhookSignatureError(`Missing required header: ${name}`)
  return value
}
