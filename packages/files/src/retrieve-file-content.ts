import {
  type APIPromise,
  type Client,
  mapAPIPromise,
  path,
  type RequestOptions,
  request,
} from '@acme/openai-core'

/**
 * Downloads a file's bytes (`GET /files/{file_id}/content`) as a `ReadableStream`, read as you consume it and never
 * buffered whole. Cancel the stream (or abort `options.signal`) to stop the download. For small files,
 * `await new Response(stream).text()` gives the text; `.withResponse()` gives the headers.
 *
 * @example const stream = await retrieveFileContent(client, 'file-abc123')
 */
export function retrieveFileContent(
  client: Client,
  fileId: string,
  options?: RequestOptions,
): APIPromise<ReadableStream<Uint8Array>> {
  return mapAPIPromise(
    request<Response>(client, {
      ...options,
      method: 'get',
      operation: 'retrieveFileContent',
      path: path`/files/${fileId}/content`,
      binary: true,
      operationHeaders: { accept: 'application/binary' },
    }),
    (response) => response.body ?? new Blob([]).stream(),
  )
}
