import type { WebhookEvent } from './events'
import type { WebhookPayload } from './payload-bytes'
import type { WebhookHeaders } from './read-header'
import { type VerifyWebhookOptions, verifyWebhookSignature } from './verify-webhook-signature'

/**
 * Verifies a webhook request (see {@link verifyWebhookSignature}) and returns its event, typed by `type`.
 * `switch (event.type)` narrows known events to their `data`; an event type newer than this package still parses
 * and lands in the `default` branch as an `UnknownWebhookEvent`. A body that is authentic but not JSON rejects
 * with the `SyntaxError` of `JSON.parse`.
 */
export async function unwrapWebhook(
  payload: WebhookPayload,
  headers: WebhookHeaders,
  options?: VerifyWebhookOptions,
): Promise<WebhookEvent> {
  await verifyWebhookSignature(payload, headers, options)
  return JSON.parse(typeof payload === 'string' ? payload : new TextDecoder().decode(payload))
}
