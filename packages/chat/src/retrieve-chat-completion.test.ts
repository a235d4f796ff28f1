import { type APIPromise, NotFoundError } from '@acme/openai-core'
import { expect, expectTypeOf, it } from 'vitest'
import { client, mock, useMockClient } from '../../../tests/support/mock-client'
import { createChatCompletion } from './create-chat-completion'
import { retrieveChatCompletion } from './retrieve-chat-completion'
import type { ChatCompletion } from './types/chat-completion'

useMockClient()

it('gets a stored completion by id, with its metadata', async () => {
  const created = await createChatCompletion(client, {
    model: 'gpt-5.4',
    messages: [{ role: 'user', content: 'Keep me' }],
    store: true,
    metadata: { team: 'docs' },
  })
  const stored = await retrieveChatCompletion(client, created.id)
  expect(stored).toEqual({ ...created, metadata: { team: 'docs' } })
  expect(mock.requests.at(-1)).toMatchObject({ method: 'GET', path: `/v1/chat/completions/${created.id}` })
})

it('encodes the id and throws NotFoundError for an unknown one', async () => {
  const error = await retrieveChatCompletion(client, 'chatcmpl missing/1').catch((e) => e)
  expect(error).toBeInstanceOf(NotFoundError)
  expect(mock.requests.at(-1)!.path).toBe('/v1/chat/completions/chatcmpl%20missing%2F1')
  expect(() => retrieveChatCompletion(client, '..')).toThrow(/invalid segments/)
  expectTypeOf(retrieveChatCompletion).returns.toEqualTypeOf<APIPromise<ChatCompletion>>()
})
