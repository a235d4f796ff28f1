// @acme/openai-containers on every runtime: a container, a file in it, its bytes as a stream, delete.

import {
  createContainer,
  createContainerFile,
  deleteContainer,
  listContainerFiles,
  retrieveContainerFileContent,
} from '@acme/openai-containers'
import { createClient, request } from '@acme/openai-core'
import { checklist, equal } from './checklist.js'

/** Runs the Containers checks against the mock server at `baseURL`; throws on the first failure. */
export async function smoke({ baseURL, apiKey }) {
  const list = checklist()
  const client = createClient({ apiKey, baseURL, maxRetries: 0, dangerouslyAllowBrowser: true })
  let container
  let file

  await list.check('createContainer and createContainerFile (by file id)', async () => {
    const form = new FormData()
    form.append('purpose', 'user_data')
    form.append('file', new Blob(['a,b\n1,2\n']), 'data.csv')
    const uploaded = await request(client, { method: 'post', path: '/files', body: form })
    container = await createContainer(client, { name: 'smoke' })
    file = await createContainerFile(client, container.id, { file_id: uploaded.id })
    equal([typeof container.id, file.container_id], ['string', container.id], 'created')
  })

  await list.check('listContainerFiles and retrieveContainerFileContent', async () => {
    const ids = []
    for await (const f of listContainerFiles(client, container.id)) ids.push(f.id)
    equal(ids, [file.id], 'listed')
    const stream = await retrieveContainerFileContent(client, container.id, file.id)
    equal(typeof (await new Response(stream).arrayBuffer()).byteLength, 'number', 'bytes')
  })

  await list.check('deleteContainer deletes it', async () => {
    await deleteContainer(client, container.id)
  })

  return list.report()
}
