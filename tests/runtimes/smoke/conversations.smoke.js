// @acme/openai-conversations on every runtime: a conversation and its items, created, listed, read and deleted.

import {
  createConversation,
  createConversationItems,
  deleteConversation,
  listConversationItems,
  retrieveConversationItem,
} from '@acme/openai-conversations'
import { createClient } from '@acme/openai-core'
import { checklist, equal } from './checklist.js'

/** Runs the Conversations checks against the mock server at `baseURL`; throws on the first failure. */
export async function smoke({ baseURL, apiKey }) {
  const list = checklist()
  const client = createClient({ apiKey, baseURL, maxRetries: 0, dangerouslyAllowBrowser: true })
  let conversation
  let item

  await list.check('createConversation and createConversationItems', async () => {
    conversation = await createConversation(client, { metadata: { topic: 'smoke' } })
    const items = await createConversationItems(client, conversation.id, {
      items: [{ type: 'message', role: 'user', content: 'Hello' }],
    })
    item = items.data[0]
    equal([conversation.object, items.data.length], ['conversation', 1], 'created')
  })

  await list.check('listConversationItems and retrieveConversationItem find the item', async () => {
    const ids = []
    for await (const i of listConversationItems(client, conversation.id)) ids.push(i.id)
    equal(ids, [item.id], 'listed')
    equal((await retrieveConversationItem(client, conversation.id, item.id)).id, item.id, 'retrieved')
  })

  await list.check('deleteConversation deletes it', async () => {
    equal((await deleteConversation(client, conversation.id)).deleted, true, 'deleted')
  })

  return list.report()
}
