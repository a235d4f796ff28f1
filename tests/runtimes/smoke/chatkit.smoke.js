// @acme/openai-chatkit on every runtime: a session created and cancelled, the threads list.

import { cancelChatKitSession, createChatKitSession, listChatKitThreads } from '@acme/openai-chatkit'
import { createClient } from '@acme/openai-core'
import { checklist, equal } from './checklist.js'

/** Runs the ChatKit checks against the mock server at `baseURL`; throws on the first failure. */
export async function smoke({ baseURL, apiKey }) {
  const list = checklist()
  const client = createClient({ apiKey, baseURL, maxRetries: 0, dangerouslyAllowBrowser: true })

  await list.check('createChatKitSession and cancelChatKitSession', async () => {
    const session = await createChatKitSession(client, { workflow: { id: 'wf_smoke' }, user: 'user_1' })
    equal((await cancelChatKitSession(client, session.id)).status, 'cancelled', 'status')
  })

  await list.check('listChatKitThreads returns a page', async () => {
    equal(Array.isArray((await listChatKitThreads(client)).data), true, 'page data')
  })

  return list.report()
}
