// @acme/openai-skills (generated operations) on every runtime: the list, and a typed 404 for an unknown skill.
import { createClient, NotFoundError } from '@acme/openai-core'
import { listSkills, retrieveSkill } from '@acme/openai-skills'
import { checklist, equal } from './checklist.js'

/** Runs the Skills checks against the mock server at `baseURL`; throws on the first failure. */
export async function smoke({ baseURL, apiKey }) {
  const list = checklist()
  const client = createClient({ apiKey, baseURL, maxRetries: 0, dangerouslyAllowBrowser: true })

  await list.check('listSkills returns a page', async () => {
    const page = await listSkills(client, { limit: 5 })
    equal(Array.isArray(page.data), true, 'page data')
  })

  await list.check('retrieveSkill of an unknown id is a NotFoundError', async () => {
    const error = await retrieveSkill(client, 'skill_missing').then(
      () => null,
      (e) => e,
    )
    equal(error instanceof NotFoundError, true, 'NotFoundError')
  })

  return list.report()
}
