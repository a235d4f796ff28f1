// A Cloudflare Worker (workerd) using @acme/openai-* with no Node compatibility flag:
//   POST /ask              {"question": "..."} -> the Responses answer, streamed back as server-sent events
//   POST /webhooks/openai  an OpenAI webhook, verified with the endpoint's signing secret
// Bindings (wrangler secrets or vars): OPENAI_API_KEY, OPENAI_WEBHOOK_SECRET; optional OPENAI_BASE_URL, OPENAI_MODEL.
import { APIError, createClient } from '@acme/openai-core'
import { createResponse } from '@acme/openai-responses'
import { InvalidWebhookSignatureError, unwrapWebhook } from '@acme/openai-webhooks'

export default {
  async fetch(request, env) {
    const { pathname } = new URL(request.url)
    if (request.method === 'POST' && pathname === '/ask') return ask(request, env)
    if (request.method === 'POST' && pathname === '/webhooks/openai') return webhook(request, env)
    return Response.json({ error: 'Not found: use POST /ask or POST /webhooks/openai.' }, { status: 404 })
  },
}

async function ask(request, env) {
  const { question } = await request.json().catch(() => ({}))
  if (typeof question !== 'string' || !question.trim())
    return Response.json({ error: 'Send a JSON body {"question": "..."}.' }, { status: 400 })
  // Workers have no process.env: configuration comes from the bindings.
  const client = createClient({
    apiKey: env.OPENAI_API_KEY,
    baseURL: env.OPENAI_BASE_URL || undefined,
    maxRetries: 1,
  })
  let stream
  try {
    stream = await createResponse(client, {
      model: env.OPENAI_MODEL || 'gpt-4o-mini',
      input: question,
      stream: true,
    })
  } catch (error) {
    // The API's message is safe to pass on (it never holds the key); anything else is a bug worth a 500.
    if (error instanceof APIError) return Response.json({ error: error.message }, { status: 502 })
    throw error
  }
  return new Response(toServerSentEvents(stream), {
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' },
  })
}

/**
 * Re-emits the Responses events in the API's own SSE shape (`event: <type>` + `data: <json>`), one event per pull,
 * so nothing is buffered. A failure after the headers went out is reported in-band as an `error` event; the caller
 * going away cancels the upstream request.
 */
function toServerSentEvents(stream) {
  const encoder = new TextEncoder()
  const events = stream[Symbol.asyncIterator]()
  const frame = (type, data) => encoder.encode(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`)
  return new ReadableStream({
    async pull(controller) {
      try {
        const { value, done } = await events.next()
        if (done) controller.close()
        else controller.enqueue(frame(value.type, value))
      } catch (error) {
        controller.enqueue(frame('error', { type: 'error', message: error.message }))
        controller.close()
      }
    },
    async cancel() {
      await events.return?.()
    },
  })
}

async function webhook(request, env) {
  // Verify the raw body exactly as received: parsing and re-serialising it would break the signature.
  const body = await request.text()
  let event
  try {
    event = await unwrapWebhook(body, request.headers, { secret: env.OPENAI_WEBHOOK_SECRET })
  } catch (error) {
    if (error instanceof InvalidWebhookSignatureError)
      return Response.json({ error: 'Invalid webhook signature.' }, { status: 400 })
    throw error
  }
  switch (event.type) {
    case 'response.completed':
      // Real handlers fetch the response here (retrieveResponse) or queue the work with ctx.waitUntil.
      return Response.json({ received: event.type, response_id: event.data.id })
    default:
      return Response.json({ received: event.type })
  }
}
