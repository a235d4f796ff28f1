// @acme/openai-webhooks: sign a webhook as OpenAI does, verify it, unwrap it into a typed event, refuse a forgery.
import {
  InvalidWebhookSignatureError,
  signWebhook,
  unwrapWebhook,
  verifyWebhookSignature,
} from '@acme/openai-webhooks'

export default async function webhooksTour({ log }) {
  // A demo secret in the dashboard's format; a real one comes from OPENAI_WEBHOOK_SECRET.
  const secret = `whsec_${btoa('acme-demo-webhook-secret-32bytes')}`
  const body = JSON.stringify({
    id: 'evt_demo',
    object: 'event',
    created_at: Math.floor(Date.now() / 1000),
    type: 'response.completed',
    data: { id: 'resp_demo' },
  })

  const headers = await signWebhook(body, { secret })
  log('signWebhook gives the three Standard Webhooks headers', {
    'webhook-id': headers['webhook-id'],
    'webhook-timestamp': headers['webhook-timestamp'],
    'webhook-signature': `${headers['webhook-signature'].slice(0, 3)}<${headers['webhook-signature'].length - 3} base64 characters>`,
  })

  await verifyWebhookSignature(body, headers, { secret })
  log('verifyWebhookSignature accepts the raw body with those headers', 'authentic')

  const event = await unwrapWebhook(body, new Headers(headers), { secret })
  const handled =
    event.type === 'response.completed' ? `fetch response ${event.data.id}` : `ignore ${String(event.type)}`
  log('unwrapWebhook returns the typed event', { type: event.type, data: event.data, handled })

  const tampered = body.replace('resp_demo', 'resp_forged')
  const refused = await unwrapWebhook(tampered, headers, { secret }).catch((error) => error)
  log('A tampered body is refused', {
    isInvalidWebhookSignatureError: refused instanceof InvalidWebhookSignatureError,
    message: refused.message,
  })

  const parsed = await verifyWebhookSignature(JSON.parse(body), headers, { secret }).catch((error) => error)
  log('A parsed body is a usage error that says what to pass', `${parsed.name}: ${parsed.message}`)
}
