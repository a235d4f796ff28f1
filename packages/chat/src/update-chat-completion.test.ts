import type { APIPromise } from '@acme/openai-core'
import { expect, expectTypeOf, it } from 'vitest'
import { client, mock, useMockClient } from '../../../tests/support/mock-client'
import { createChatCompletion } from './create-chat-completion'
import type { ChatCompletion } from './types/chat-completion'
import type { ChatCompletionUpdateParams } from './types/stored-chat-completions'
import { updateChatCompletion } from './update-chat-completion'

useMockClient()

it('replaces the metadata of a stored completion', async () => {
  const { id } = await createChatCompletion(client, {
    model: 'gpt-5.4',
    messages: [{ role: 'user', content: 'Tag me' }],
    store: true,
    metadata: { stage: 'draft' },
  })
  const updated = await updateChatCompletion(client, id, { metadata: { stage: 'final', owner: 'ana' } })
  expect(updated.id).toBe(id)
  expect(updated.metadata).toEqual({ stage: 'final', owner: 'ana' })
  const sent = mock.requests.at(-1)!
  expect(sent).toMatchObject({ method: 'POST', path: `/v1/chat/completions/${id}` })
  expect(sent.json).toEqual({ metadata: { stage: 'final', owner: 'ana' } })
  expectTypeOf(updateChatCompletion).returns.toEqualTypeOf<APIPromise<ChatCompletion>>()
  expectTypeOf(updateChatCompletion).parameter(2).toEqualTypeOf<ChatCompletionUpdateParams>()
})
