// @acme/openai-files (main entry) on every runtime: multipart upload from bytes, retrieve, list, download as a
// stream, delete. The `./node` subpath (file paths) needs node:fs and is covered by the package's own tests.
import { createClient } from '@acme/openai-core'
import {
  deleteFile,
  listFiles,
  retrieveFile,
  retrieveFileContent,
  toFile,
  uploadFile,
} from '@acme/openai-files'
import { checklist, equal } from './checklist.js'

const jsonl = '{"messages":[{"role":"user","content":"hi"}]}\n'

/** Runs the Files checks against the mock server at `baseURL`; throws on the first failure. */
export async function smoke({ baseURL, apiKey }) {
  const list = checklist()
  const client = createClient({ apiKey, baseURL, maxRetries: 0, dangerouslyAllowBrowser: true })
  let uploaded

  await list.check('uploadFile sends bytes as multipart', async () => {
    const file = await toFile(new TextEncoder().encode(jsonl), 'train.jsonl', { type: 'application/jsonl' })
    uploaded = await uploadFile(client, { file, purpose: 'fine-tune' })
    equal(
      [uploaded.object, uploaded.filename, uploaded.bytes, uploaded.purpose],
      ['file', 'train.jsonl', jsonl.length, 'fine-tune'],
      'file object',
    )
  })

  await list.check('uploadFile takes a [name, text] tuple', async () => {
    const file = await uploadFile(client, { file: ['notes.jsonl', jsonl], purpose: 'batch' })
    equal([file.filename, file.bytes], ['notes.jsonl', jsonl.length], 'file object')
    await deleteFile(client, file.id)
  })

  await list.check('retrieveFile and listFiles find it', async () => {
    equal((await retrieveFile(client, uploaded.id)).filename, 'train.jsonl', 'retrieved')
    const ids = []
    for await (const file of listFiles(client)) ids.push(file.id)
    equal(ids.includes(uploaded.id), true, 'listed')
  })

  await list.check('retrieveFileContent streams the bytes back', async () => {
    const stream = await retrieveFileContent(client, uploaded.id)
    equal(await new Response(stream).text(), jsonl, 'content')
  })

  await list.check('deleteFile deletes it', async () => {
    const deleted = await deleteFile(client, uploaded.id)
    equal([deleted.id, deleted.deleted], [uploaded.id, true], 'deleted')
  })

  return list.report()
}
