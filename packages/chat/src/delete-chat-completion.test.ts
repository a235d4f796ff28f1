import { type APIPromise, NotFoundError } from '@acme/openai-core'
import { expect, expectTypeOf, it } from 'vitest'
import { client, mock, useMockClient } from '../../../tests/support/mock-client'
import { createChatCompletion } from './create-chat-completion'
import { deleteChatCompletion } from './delete-chat-completion'
import { retrieveChatCompletion } from './retrieve-chat-completion'
import type { ChatCompletionDeleted } from './types/stored-chat-completions'

useMockClient()

it('deletes a stored completion', async () => {
  const { id } = await createChatCompletion(client, {
    model: 'gpt-5.4',
    messages: [{ role: 'user', content: 'Forget me' }],
    store: true,
  })
  expect(await deleteChatCompletion(client, id)).toEqual({
    object: 'chat.completion.deleted',
    id,
    deleted: true,
  })
  expect(mock.requests.at(-1)).toMatchObject({ method: 'DELETE', path: `/v1/chat/completions/${id}` })
  await expect(retrieveChatCompletion(client, id)).rejects.toBeInstanceOf(NotFoundError)
  expectTypeOf(deleteChatCompletion).returns.toEqualTypeOf<APIPromise<ChatCompletionDeleted>>()
})
