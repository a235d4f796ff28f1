// @acme/openai-azure on every runtime, against the mock's Azure shape (/openai/...): deployment routing with an
// api-key, an Entra token provider (which a browser page may use without dangerouslyAllowBrowser, as the official
// client allows), the v1 API, and Azure's realtime socket.
import { azureClient } from '@acme/openai-azure'
import { createChatCompletion } from '@acme/openai-chat'
import { connectRealtime } from '@acme/openai-realtime'
import { checklist, control, equal } from './checklist.js'

const apiVersion = '2024-10-21'
const messages = [{ role: 'user', content: 'Hi Azure' }]

/** The last request the mock recorded whose path contains `part`. */
async function lastRequest(mockURL, part) {
  const requests = await control(mockURL, 'GET', 'requests')
  return requests.filter((r) => r.path.includes(part)).at(-1)
}

/** Runs the Azure checks against the mock server at `mockURL`; throws on the first failure. */
export async function smoke({ runtime, mockURL, apiKey }) {
  const list = checklist()
  let tokens = 0
  const azureADTokenProvider = async () => `entra-${++tokens}`

  await list.check('an api-key client routes chat to its deployment with api-version', async () => {
    await control(mockURL, 'POST', 'reset')
    const client = azureClient({
      endpoint: `${mockURL}/`,
      apiVersion,
      apiKey,
      deployment: 'smoke-gpt',
      maxRetries: 0,
      dangerouslyAllowBrowser: true,
    })
    const completion = await createChatCompletion(client, { model: 'gpt-4o-mini', messages })
    equal(completion.model, 'smoke-gpt', 'model (the deployment)')
    const sent = await lastRequest(mockURL, '/chat/completions')
    equal(
      [sent.path, sent.query['api-version'], sent.headers['api-key'], sent.headers.authorization ?? null],
      ['/openai/deployments/smoke-gpt/chat/completions', apiVersion, apiKey, null],
      'path, api-version and credentials',
    )
  })

  await list.check('an Entra token provider is asked per request and sent as a bearer token', async () => {
    const client = azureClient({ endpoint: mockURL, apiVersion, azureADTokenProvider, maxRetries: 0 })
    await createChatCompletion(client, { model: 'dep-a', messages })
    await createChatCompletion(client, { model: 'dep-a', messages })
    const sent = await lastRequest(mockURL, '/deployments/dep-a/')
    equal(
      [sent.headers.authorization, sent.headers['api-key'] ?? null],
      ['Bearer entra-2', null],
      'credentials',
    )
  })

  await list.check('the v1 API goes to /openai/v1 without api-version', async () => {
    const client = azureClient({ endpoint: mockURL, apiVersion: 'v1', azureADTokenProvider, maxRetries: 0 })
    const completion = await createChatCompletion(client, { model: 'dep-v1', messages })
    equal(completion.model, 'dep-v1', 'model')
    const sent = await lastRequest(mockURL, '/chat/completions')
    equal([sent.path, sent.query], ['/openai/v1/chat/completions', {}], 'path and query')
  })

  await list.check(
    "connectRealtime opens Azure's v1 realtime socket with the deployment as model",
    async () => {
      const client = azureClient({ endpoint: mockURL, apiVersion, azureADTokenProvider })
      const connection = await connectRealtime(client, { model: 'smoke-realtime' })
      const expected = `${mockURL.replace(/^http/, 'ws')}/openai/v1/realtime?model=smoke-realtime`
      equal(connection.url, expected, 'socket URL')
      for await (const event of connection) {
        equal([event.type, event.session.model], ['session.created', 'smoke-realtime'], 'first event')
        break
      }
      await connection.close()
      // A page cannot set headers: the token goes as a subprotocol there, as for any realtime client.
      if (runtime === 'chromium') return
      const upgrade = await lastRequest(mockURL, '/realtime')
      equal(/^Bearer entra-\d+$/.test(upgrade.headers.authorization), true, 'bearer token on the upgrade')
    },
  )

  return list.report()
}
