import { encodeBase64 } from './base64'
import { payloadBytes, type WebhookPayload } from './payload-bytes'
import { secretBytes } from './secret-bytes'
import { requireSubtleCrypto, webhookHmac } from './webhook-hmac'
import { resolveWebhookSecret } from './webhook-secret'

/** Options for {@link signWebhook}. */
export interface SignWebhookOptions {
  /** The signing secret, with the same rules as verification. Defaults to `OPENAI_WEBHOOK_SECRET`. */
  secret?: string
  /** The `webhook-id`. Defaults to a random `wh_…` id. */
  id?: string
  /** The `webhook-timestamp` in Unix seconds, or the exact header text. Defaults to now. */
  timestamp?: number | string
}

/**
 * The three Standard Webhooks headers of a signed request. A type literal rather than an interface, so that it is
 * assignable to `WebhookHeaders`, `Record<string, string>` and fetch's `HeadersInit`.
 */
export type WebhookSignatureHeaders = {
  'webhook-id': string
  'webhook-timestamp': string
  'webhook-signature': string
}

/**
 * Signs a payload the way OpenAI does and returns the headers to send with it: for testing your webhook handler,
 * or for a mock server. The result spreads into a `fetch` headers object or `new Headers()`.
 */
export async function signWebhook(
  payload: WebhookPayload,
  options: SignWebhookOptions = {},
): Promise<WebhookSignatureHeaders> {
  const body = payloadBytes(payload)
  const subtle = requireSubtleCrypto()
  const key = secretBytes(resolveWebhookSecret(options.secret))
  const id = options.id ?? randomWebhookId()
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000))
  const signature = encodeBase64(await webhookHmac(subtle, key, id, timestamp, body))
  return { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${signature}` }
}

function randomWebhookId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return `wh_${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`
}
