// @acme/openai-conversations: a conversation that Responses calls add to, read back item by item.
import { createConversation, deleteConversation, listConversationItems } from '@acme/openai-conversations'
import { createResponse } from '@acme/openai-responses'

export default async function conversationsTour({ client, log }) {
  const conversation = await createConversation(client, { metadata: { topic: 'demo' } })
  log('createConversation(client, { metadata })', conversation)
  await createResponse(client, { model: 'gpt-5.4', input: 'Hi, I am Ada.', conversation: conversation.id })
  const reply = await createResponse(client, {
    model: 'gpt-5.4',
    input: 'What is my name?',
    conversation: conversation.id,
  })
  log('createResponse(client, { input, conversation })', reply.output_text)
  const items = []
  for await (const item of listConversationItems(client, conversation.id, { order: 'asc' }))
    items.push(`${item.role}: ${item.content?.[0]?.text}`)
  log('for await (const item of listConversationItems(client, id))', items)
  await deleteConversation(client, conversation.id)
}
