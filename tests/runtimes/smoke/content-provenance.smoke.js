// @acme/openai-content-provenance (a generated multipart operation) on every runtime: one check of an uploaded
// image, and the API's 400 for a file type the check does not take.

import { createContentProvenanceCheck } from '@acme/openai-content-provenance'
import { BadRequestError, createClient } from '@acme/openai-core'
import { checklist, equal } from './checklist.js'

/** Runs the content provenance checks against the mock server at `baseURL`; throws on the first failure. */
export async function smoke({ baseURL, apiKey }) {
  const list = checklist()
  const client = createClient({ apiKey, baseURL, maxRetries: 0, dangerouslyAllowBrowser: true })
  const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10])

  await list.check('createContentProvenanceCheck uploads an image and reads its results', async () => {
    const check = await createContentProvenanceCheck(client, {
      file: new File([png], 'photo.png', { type: 'image/png' }),
    })
    equal(check.object, 'content_provenance_check', 'object')
    equal(check.results.map((r) => r.type).join(','), 'c2pa,synthid', 'result types')
  })

  await list.check('a text file is a BadRequestError', async () => {
    const error = await createContentProvenanceCheck(client, {
      file: new Blob(['hello'], { type: 'text/plain' }),
    }).then(
      () => null,
      (e) => e,
    )
    equal(error instanceof BadRequestError, true, 'BadRequestError')
  })

  return list.report()
}
