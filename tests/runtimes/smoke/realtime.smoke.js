// @acme/openai-realtime on every runtime, through the entry each one resolves: `ws` with an Authorization header
// on Node 20, the native WebSocket with headers on Bun and Deno, fetch-upgrade on workerd, subprotocols in a page.
import { createClient } from '@acme/openai-core'
import { connectRealtime, createClientSecret } from '@acme/openai-realtime'
import { checklist, control, equal } from './checklist.js'

/** Events of `connection` up to and including the first of `type`; bounded so a silent server cannot hang it. */
async function eventsUntil(connection, type, limit = 200) {
  const events = []
  for await (const event of connection) {
    events.push(event)
    if (event.type === type) return events
    if (events.length >= limit) break
  }
  throw new Error(`no ${type} event within ${events.length} events`)
}

/** Runs the realtime checks against the mock server at `baseURL`; throws on the first failure. */
export async function smoke({ runtime, baseURL, mockURL, apiKey }) {
  const list = checklist()
  const client = createClient({ apiKey, baseURL, maxRetries: 0, dangerouslyAllowBrowser: true })

  await list.check('connectRealtime plays a text turn and closes cleanly', async () => {
    await control(mockURL, 'POST', 'reset')
    const connection = await connectRealtime(client, { model: 'gpt-realtime' })
    const [created] = await eventsUntil(connection, 'session.created')
    equal(created.session.type, 'realtime', 'session type')
    connection.session.update({ type: 'realtime', output_modalities: ['text'] })
    connection.conversation.item.create({
      type: 'message',
      role: 'user',
      content: [{ type: 'input_text', text: 'Say hi' }],
    })
    connection.response.create()
    const events = await eventsUntil(connection, 'response.done')
    const text = events
      .filter((e) => e.type === 'response.output_text.delta')
      .map((e) => e.delta)
      .join('')
    equal([text, events.at(-1).response.status], ['Hello! You said: Say hi', 'completed'], 'turn')
    equal(await connection.close(), { code: 1000, reason: 'OK', expected: true }, 'close info')
  })

  await list.check('the key travels the way this runtime allows', async () => {
    const [upgrade] = (await control(mockURL, 'GET', 'requests')).filter((r) => r.path === '/v1/realtime')
    const browser = runtime === 'chromium'
    equal(
      [upgrade.headers.authorization ?? null, upgrade.headers['sec-websocket-protocol'] ?? null],
      browser ? [null, `realtime, openai-insecure-api-key.${apiKey}`] : [`Bearer ${apiKey}`, null],
      'authorization and subprotocols',
    )
  })

  await list.check('createClientSecret issues an ephemeral key that opens a session', async () => {
    const secret = await createClientSecret(client, { session: { type: 'realtime', model: 'gpt-realtime' } })
    equal(/^ek_/.test(secret.value), true, 'ek_ key')
    const ephemeral = createClient({ apiKey: secret.value, baseURL, dangerouslyAllowBrowser: true })
    const connection = await connectRealtime(ephemeral, { model: 'gpt-realtime' })
    const [created] = await eventsUntil(connection, 'session.created')
    equal(created.type, 'session.created', 'first event')
    await connection.close()
  })

  return list.report()
}
