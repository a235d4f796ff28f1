// @acme/openai-webhooks on every runtime: Web Crypto HMAC signing and verification, the official test vector,
// and the typed refusal of a forged body. No network: it only needs the runtime's `crypto.subtle`.
import {
  InvalidWebhookSignatureError,
  signWebhook,
  unwrapWebhook,
  verifyWebhookSignature,
} from '@acme/openai-webhooks'
import { checklist, equal, rejects } from './checklist.js'

// The official vector used by openai-node and openai-python (payload byte-exact, spaces included).
const vector = {
  secret: 'whsec_RdvaYFYUXuIFuEbvZHwMfYFhUf7aMYjYcmM24+Aj40c=',
  id: 'wh_685c059ae39c8190af8c71ed1022a24d',
  timestamp: 1750861210,
  payload:
    '{"id": "evt_685c059ae3a481909bdc86819b066fb6", "object": "event", "created_at": 1750861210, "type": "response.completed", "data": {"id": "resp_123"}}',
  signature: 'v1,gUAg4R2hWouRZqRQG4uJypNS8YK885G838+EHb4nKBY=',
}

/** Runs the webhook checks; throws on the first failure. */
export async function smoke() {
  const list = checklist()
  const headers = {
    'webhook-id': vector.id,
    'webhook-timestamp': String(vector.timestamp),
    'webhook-signature': vector.signature,
  }

  await list.check('signWebhook reproduces the official signature', async () => {
    const signed = await signWebhook(vector.payload, {
      secret: vector.secret,
      id: vector.id,
      timestamp: vector.timestamp,
    })
    equal(signed, headers, 'signed headers')
  })

  await list.check('unwrapWebhook accepts the official vector (window off)', async () => {
    const event = await unwrapWebhook(vector.payload, new Headers(headers), {
      secret: vector.secret,
      tolerance: Number.POSITIVE_INFINITY,
    })
    equal(
      event,
      {
        id: 'evt_685c059ae3a481909bdc86819b066fb6',
        object: 'event',
        created_at: 1750861210,
        type: 'response.completed',
        data: { id: 'resp_123' },
      },
      'event',
    )
  })

  await list.check('the 300 s window refuses the old vector', async () => {
    const error = await rejects(() =>
      verifyWebhookSignature(vector.payload, headers, { secret: vector.secret }),
    )
    equal(
      error instanceof InvalidWebhookSignatureError,
      true,
      `InvalidWebhookSignatureError (got ${error.name})`,
    )
  })

  await list.check('a fresh signature round-trips and a forged body is refused', async () => {
    const body = JSON.stringify({
      id: 'evt_smoke',
      object: 'event',
      type: 'batch.completed',
      data: { id: 'b_1' },
    })
    const signed = await signWebhook(body, { secret: vector.secret })
    const event = await unwrapWebhook(body, signed, { secret: vector.secret })
    equal(event.data, { id: 'b_1' }, 'round-trip data')
    const error = await rejects(() =>
      unwrapWebhook(body.replace('b_1', 'b_2'), signed, { secret: vector.secret }),
    )
    equal(
      error instanceof InvalidWebhookSignatureError,
      true,
      `InvalidWebhookSignatureError (got ${error.name})`,
    )
    equal(error.message.includes(vector.secret.slice(6)), false, 'secret not in the message')
  })

  return list.report()
}
