// @acme/openai-moderations on every runtime: one moderation call.
import { createClient } from '@acme/openai-core'
import { createModeration } from '@acme/openai-moderations'
import { checklist, equal } from './checklist.js'

/** Runs the Moderations checks against the mock server at `baseURL`; throws on the first failure. */
export async function smoke({ baseURL, apiKey }) {
  const list = checklist()
  const client = createClient({ apiKey, baseURL, maxRetries: 0, dangerouslyAllowBrowser: true })

  await list.check('createModeration returns one result per input', async () => {
    const moderation = await createModeration(client, { input: ['hello', 'world'] })
    equal(moderation.results.length, 2, 'results')
  })

  return list.report()
}
