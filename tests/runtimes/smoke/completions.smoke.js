// @acme/openai-completions on every runtime: a legacy completion, plain.

import { createCompletion } from '@acme/openai-completions'
import { createClient } from '@acme/openai-core'
import { checklist, equal } from './checklist.js'

/** Runs the Completions checks against the mock server at `baseURL`; throws on the first failure. */
export async function smoke({ baseURL, apiKey }) {
  const list = checklist()
  const client = createClient({ apiKey, baseURL, maxRetries: 0, dangerouslyAllowBrowser: true })

  await list.check('createCompletion answers with choices', async () => {
    const completion = await createCompletion(client, { model: 'gpt-3.5-turbo-instruct', prompt: 'Say hi' })
    equal([completion.object, Array.isArray(completion.choices)], ['text_completion', true], 'completion')
  })

  return list.report()
}
