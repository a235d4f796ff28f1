// The browser story: a page that streams an answer through its own backend. It holds no API key and does not set
// `dangerouslyAllowBrowser`: its `baseURL` is the backend's /v1 proxy, which adds the key on the server.
import { createClient } from '@acme/openai-core'
import { createResponse } from '@acme/openai-responses'

const answer = document.getElementById('answer')
const status = document.getElementById('status')

async function ask(question) {
  const client = createClient({ baseURL: new URL('/v1', location.href).href, maxRetries: 0 })
  status.textContent = 'streaming'
  const stream = await createResponse(client, { model: 'gpt-4o-mini', input: question, stream: true })
  let deltas = 0
  for await (const event of stream) {
    if (event.type !== 'response.output_text.delta') continue
    // Render each delta as it arrives, as a chat UI would.
    answer.append(event.delta)
    answer.dataset.deltas = String(++deltas)
  }
  status.textContent = 'done'
}

ask(new URL(location.href).searchParams.get('q') ?? 'Hello').catch((error) => {
  status.textContent = `failed: ${error.name}: ${error.message}`
})
