import { type Client, OpenAIError, type RequestOptions } from '@acme/openai-core'
import { retrieveFileContent } from '@acme/openai-files'
import { BatchResultsUnavailableError } from './errors'
import type { Batch } from './types'

/** One line of a batch's output (or error) file: the answer to the request with that `custom_id`. */
export interface BatchResult<TBody = unknown> {
  id: string
  custom_id: string
  /** The HTTP answer; `null` when the request failed before reaching the endpoint (see `error`). */
  response: { status_code: number; request_id: string; body: TBody } | null
  error: { code: string; message: string } | null
}

/** Which file of a batch `readBatchResults` reads. */
export interface ReadBatchResultsOptions {
  /** `'output'` (default): the answers; `'error'`: the requests that failed. */
  file?: 'output' | 'error'
}

/**
 * Streams a batch's output file (`GET /files/{id}/content`) and yields each JSONL line parsed, as it arrives: the
 * file is never held whole, so memory stays flat on results of hundreds of megabytes. Pass the finished batch (or
 * a file id). Leaving the loop early cancels the download.
 *
 * @example for await (const line of readBatchResults(client, batch)) console.log(line.custom_id, line.response?.body)
 */
export async function* readBatchResults<TBody = unknown>(
  client: Client,
  batchOrFileId: Batch | string,
  { file = 'output' }: ReadBatchResultsOptions = {},
  options?: RequestOptions,
): AsyncGenerator<BatchResult<TBody>, void, undefined> {
  let fileId: string
  if (typeof batchOrFileId === 'string') fileId = batchOrFileId
  else {
    const id = file === 'error' ? batchOrFileId?.error_file_id : batchOrFileId?.output_file_id
    if (!id) throw new BatchResultsUnavailableError(batchOrFileId, file)
    fileId = id
  }
  const reader = (await retrieveFileContent(client, fileId, options)).getReader()
  const decoder = new TextDecoder()
  // Pieces of the line still open at the end of the last chunk; joined only once its newline arrives, so a long
  // line spread over many chunks costs linear time.
  let pieces: string[] = []
  let lineNumber = 0
  const parse = (line: string): BatchResult<TBody> => {
    try {
      return JSON.parse(line)
    } catch (cause) {
      throw new OpenAIError(`readBatchResults: line ${lineNumber} of file ${fileId} is not JSON.`, { cause })
    }
  }
  try {
    for (;;) {
      const { value: bytes, done } = await reader.read()
      if (done) break
      const value = decoder.decode(bytes, { stream: true })
      let start = 0
      for (let end = value.indexOf('\n'); end !== -1; end = value.indexOf('\n', start)) {
        pieces.push(value.slice(start, end))
        const line = pieces.join('')
        pieces = []
        start = end + 1
        lineNumber++
        if (line.trim()) yield parse(line)
      }
      if (start < value.length) pieces.push(value.slice(start))
    }
    const last = pieces.join('') + decoder.decode()
    lineNumber++
    if (last.trim()) yield parse(last)
  } finally {
    await reader.cancel().catch(() => {})
  }
}
