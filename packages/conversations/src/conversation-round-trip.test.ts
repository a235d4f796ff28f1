import { createResponse } from '@acme/openai-responses'
import OpenAI from 'openai'
import { describe, expect, it } from 'vitest'
import { client, mock, useMockClient } from '../../../tests/support/mock-client'
import { createConversation } from './create-conversation'
import { deleteConversation } from './delete-conversation'
import { listConversationItems } from './list-conversation-items'

useMockClient()

describe('createResponse(client, { conversation }) on the mock', () => {
  it('adds each turn to the conversation, and reads back the whole history in order', async () => {
    const conversation = await createConversation(client, {
      items: [{ type: 'message', role: 'developer', content: 'Answer briefly.' }],
    })
    const first = await createResponse(client, {
      model: 'gpt-5.4',
      input: 'hello',
      conversation: conversation.id,
    })
    const second = await createResponse(client, {
      model: 'gpt-5.4',
      input: 'and again',
      conversation: { id: conversation.id },
    })
    expect(first.conversation).toEqual({ id: conversation.id })
    expect(second.output_text).toBe('Hello! You said: and again')
    const items = []
    for await (const item of listConversationItems(client, conversation.id, { order: 'asc', limit: 2 }))
      items.push(item)
    expect(items.map((i) => ('role' in i ? i.role : i.type))).toEqual([
      'developer',
      'user',
      'assistant',
      'user',
      'assistant',
    ])
    expect(items[2].id).toBe(first.output[0].id)
    // Paged two at a time: the iteration followed the cursor.
    expect(mock.requests.filter((r) => r.path.endsWith('/items'))).toHaveLength(3)
  })

  it('the official SDK sees the same conversation', async () => {
    const conversation = await createConversation(client, {})
    await createResponse(client, { model: 'gpt-5.4', input: 'hi', conversation: conversation.id })
    const official = new OpenAI({ apiKey: 'sk-test', baseURL: mock.baseURL, maxRetries: 0 })
    const theirs = []
    for await (const item of official.conversations.items.list(conversation.id, { order: 'asc' }))
      theirs.push(item.id)
    const ours = []
    for await (const item of listConversationItems(client, conversation.id, { order: 'asc' }))
      ours.push(item.id)
    expect(theirs).toEqual(ours)
    expect(ours).toHaveLength(2)
  })

  it('refuses a conversation that does not exist (404) or was deleted', async () => {
    const conversation = await createConversation(client, {})
    await deleteConversation(client, conversation.id)
    await expect(
      createResponse(client, { model: 'gpt-5.4', input: 'hi', conversation: conversation.id }),
    ).rejects.toMatchObject({ status: 404, param: 'conversation' })
  })
})
