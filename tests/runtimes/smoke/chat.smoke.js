// @acme/openai-chat on every runtime: create (plain and streaming chunks), the streamChatCompletion helper, and
// stored completions (retrieve, list, delete).

import {
  createChatCompletion,
  deleteChatCompletion,
  listChatCompletions,
  retrieveChatCompletion,
  streamChatCompletion,
} from '@acme/openai-chat'
import { createClient } from '@acme/openai-core'
import { checklist, equal } from './checklist.js'

const model = 'gpt-4o-mini'
const ask = (text) => [{ role: 'user', content: text }]

/** Runs the Chat Completions checks against the mock server at `baseURL`; throws on the first failure. */
export async function smoke({ baseURL, apiKey }) {
  const list = checklist()
  const client = createClient({ apiKey, baseURL, maxRetries: 0, dangerouslyAllowBrowser: true })
  let stored

  await list.check('createChatCompletion returns the assistant message', async () => {
    stored = await createChatCompletion(client, { model, messages: ask('Hi chat'), store: true })
    equal(
      [stored.object, stored.choices[0].message.role, stored.choices[0].message.content],
      ['chat.completion', 'assistant', 'Hello! You said: Hi chat'],
      'completion',
    )
  })

  await list.check('stream: true yields chunks until [DONE]', async () => {
    const stream = await createChatCompletion(client, { model, messages: ask('chunks'), stream: true })
    let text = ''
    let finish
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta?.content ?? ''
      finish = chunk.choices[0]?.finish_reason ?? finish
    }
    equal([text, finish], ['Hello! You said: chunks', 'stop'], 'text and finish_reason')
  })

  await list.check('streamChatCompletion accumulates finalContent()', async () => {
    const stream = streamChatCompletion(client, { model, messages: ask('helper') })
    equal(await stream.finalContent(), 'Hello! You said: helper', 'finalContent')
  })

  await list.check('stored completions: retrieve, list, delete', async () => {
    const again = await retrieveChatCompletion(client, stored.id)
    equal(again.id, stored.id, 'retrieved id')
    const ids = []
    for await (const completion of listChatCompletions(client)) ids.push(completion.id)
    equal(ids.includes(stored.id), true, 'listed')
    const deleted = await deleteChatCompletion(client, stored.id)
    equal([deleted.id, deleted.deleted], [stored.id, true], 'deleted')
  })

  return list.report()
}
