import { createClient } from '@acme/openai-core'
import { startMockServer } from '@acme/openai-mock'
import { expect, test } from 'vitest'
import { listFiles, retrieveFileContent, toFile, uploadFile, uploadLargeFile } from './index'

test('smoke', async () => {
  const mock = await startMockServer()
  const client = createClient({ apiKey: 'sk-test', baseURL: mock.baseURL, maxRetries: 0 })
  const f1 = await uploadFile(client, {
    file: new File(['{"a":1}\n'], 'a.jsonl', { type: 'application/jsonl' }),
    purpose: 'fine-tune',
  })
  console.log(f1, mock.requests.at(-1)?.headers['content-type'], mock.requests.at(-1)?.text)
  const stream = new Blob(['hello stream']).stream()
  const f2 = await uploadFile(client, { file: ['s.txt', stream, 'text/plain'], purpose: 'assistants' })
  console.log(f2, mock.requests.at(-1)?.headers, mock.requests.at(-1)?.text)
  const page = await listFiles(client, { limit: 1 })
  console.log(page.data, page.hasNextPage(), page.nextPageInfo())
  const all = []
  for await (const f of listFiles(client, { limit: 1 })) all.push(f.id)
  console.log(all)
  const content = await new Response(await retrieveFileContent(client, f2.id)).text()
  expect(content).toBe('hello stream')
  const up = await uploadLargeFile(client, {
    file: new File(['0123456789'], 'big.txt', { type: 'text/plain' }),
    purpose: 'assistants',
    partSize: 3,
    onProgress: (a, b) => console.log('progress', a, b),
  })
  console.log(up)
  console.log(await new Response(await retrieveFileContent(client, up.file!.id)).text())
  const up2 = await uploadLargeFile(client, {
    file: await toFile(new Blob(['abcdefghij']).stream(), 'x.txt', { size: 10 }),
    mimeType: 'text/plain',
    purpose: 'assistants',
    partSize: 4,
    concurrency: 2,
  })
  console.log(await new Response(await retrieveFileContent(client, up2.file!.id)).text())
  await mock.close()
})
