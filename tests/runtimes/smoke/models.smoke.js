// @acme/openai-models on every runtime: list (a single page) and retrieve.
import { createClient } from '@acme/openai-core'
import { listModels, retrieveModel } from '@acme/openai-models'
import { checklist, equal } from './checklist.js'

/** Runs the Models checks against the mock server at `baseURL`; throws on the first failure. */
export async function smoke({ baseURL, apiKey }) {
  const list = checklist()
  const client = createClient({ apiKey, baseURL, maxRetries: 0, dangerouslyAllowBrowser: true })
  let first

  await list.check('listModels returns one page with every model', async () => {
    const page = await listModels(client)
    first = page.data[0]
    equal([page.data.length > 0, page.hasNextPage(), first.object], [true, false, 'model'], 'page')
  })

  await list.check('retrieveModel fetches one by id', async () => {
    equal((await retrieveModel(client, first.id)).id, first.id, 'model id')
  })

  return list.report()
}
