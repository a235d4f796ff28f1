import type { PagePromise } from '@acme/openai-core'
import { expect, expectTypeOf, it } from 'vitest'
import { client, mock, useMockClient } from '../../../tests/support/mock-client'
import { createChatCompletion } from './create-chat-completion'
import { listChatCompletionMessages } from './list-chat-completion-messages'
import type { ChatCompletionStoreMessage } from './types/stored-chat-completions'

useMockClient()

it('lists the request messages of a stored completion, across pages', async () => {
  const { id } = await createChatCompletion(client, {
    model: 'gpt-5.4',
    messages: [
      { role: 'developer', content: 'Be brief.' },
      { role: 'user', content: 'One' },
      { role: 'assistant', content: 'Two' },
      { role: 'user', content: [{ type: 'text', text: 'Three' }] },
    ],
    store: true,
  })
  mock.requests.length = 0
  const messages: ChatCompletionStoreMessage[] = []
  for await (const message of listChatCompletionMessages(client, id, { limit: 3 })) messages.push(message)
  expect(messages.map((m) => [m.id, m.role, m.content])).toEqual([
    [`${id}-0`, 'developer', 'Be brief.'],
    [`${id}-1`, 'user', 'One'],
    [`${id}-2`, 'assistant', 'Two'],
    [`${id}-3`, 'user', 'Three'],
  ])
  expect(messages[3].content_parts).toEqual([{ type: 'text', text: 'Three' }])
  expect(mock.requests.map((r) => `${r.path}${r.search}`)).toEqual([
    `/v1/chat/completions/${id}/messages?limit=3`,
    `/v1/chat/completions/${id}/messages?limit=3&after=${id}-2`,
  ])
  const desc = await listChatCompletionMessages(client, id, { order: 'desc', limit: 1 })
  expect(desc.data.map((m) => m.id)).toEqual([`${id}-3`])
  expectTypeOf(listChatCompletionMessages).returns.toEqualTypeOf<PagePromise<ChatCompletionStoreMessage>>()
})
