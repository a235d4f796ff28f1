import { type Client, type PagePromise, type RequestOptions, requestPage } from '@acme/openai-core'
import type { FileListParams, FileObject } from './types'

/**
 * Lists files (`GET /files`), newest first by default. Await it for the first page (`data`, `hasNextPage()`,
 * `getNextPage()`), or `for await` it to walk every file across pages.
 *
 * @example for await (const file of listFiles(client, { purpose: 'fine-tune', limit: 100 })) console.log(file.id)
 */
export function listFiles(
  client: Client,
  params: FileListParams = {},
  options?: RequestOptions,
): PagePromise<FileObject> {
  return requestPage<FileObject>(
    client,
    {
      ...options,
      method: 'get',
      operation: 'listFiles',
      path: '/files',
      query: { ...params, ...options?.query },
    },
    'cursor',
  )
}
