import { type Client, OpenAIError, type RequestOptions } from '@acme/openai-core'
import { uploadFile } from '@acme/openai-files'
import { createBatch } from './create-batch'
import { BatchFailedError } from './errors'
import { type BatchResult, readBatchResults } from './read-batch-results'
import type { Batch, CreateBatchParams } from './types'
import { type WaitForBatchOptions, waitForBatch } from './wait-for-batch'

/** One request of a batch: a line of the input file. `method` defaults to POST and `url` to the batch endpoint. */
export interface BatchRequest<TBody = Record<string, unknown>> {
  custom_id: string
  body: TBody
  method?: 'POST'
  url?: string
}

/** What `runBatch` takes: the requests plus `createBatch`'s params (no input file: it is made from `requests`). */
export interface RunBatchParams<TBody = Record<string, unknown>>
  extends Omit<CreateBatchParams, 'input_file_id' | 'completion_window'>,
    WaitForBatchOptions {
  requests: Iterable<BatchRequest<TBody>> | AsyncIterable<BatchRequest<TBody>>
  /** Defaults to `'24h'`, the only window the API offers. */
  completion_window?: CreateBatchParams['completion_window']
}

/** The finished batch and its results, read lazily. */
export interface BatchRun<TResult = unknown> {
  batch: Batch
  /** The output file's lines (one per request that got an answer), streamed as you iterate. */
  results(): AsyncGenerator<BatchResult<TResult>, void, undefined>
  /** The error file's lines (requests that failed before an answer); none when there is no error file. */
  errors(): AsyncGenerator<BatchResult<null>, void, undefined>
}

/**
 * The requests as JSONL text, produced as the upload reads it (a large batch is never built in memory). A bad
 * request is recorded in `problem` too: the upload reports it only as a failed body.
 */
async function* jsonl<TBody>(
  requests: RunBatchParams<TBody>['requests'],
  endpoint: string,
  problem: { error?: OpenAIError },
) {
  const seen = new Set<string>()
  for await (const request of requests) {
    if (typeof request?.custom_id !== 'string' || seen.has(request.custom_id))
      throw (problem.error = new OpenAIError(
        `runBatch: every request needs a unique string custom_id (got ${JSON.stringify(request?.custom_id)}).`,
      ))
    seen.add(request.custom_id)
    const { custom_id, method = 'POST', url = endpoint, body } = request
    yield `${JSON.stringify({ custom_id, method, url, body })}\n`
  }
}

/**
 * Runs a whole batch: writes `requests` as a JSONL input file and uploads it (streamed), creates the batch, waits
 * for it to finish, and hands back the batch with its results to iterate. Throws `BatchFailedError` when the API
 * refuses the input; an expired or cancelled batch resolves with whatever results it has.
 *
 * @example
 * const run = await runBatch(client, {
 *   endpoint: '/v1/embeddings',
 *   requests: texts.map((input, i) => ({ custom_id: `t${i}`, body: { model: 'text-embedding-3-small', input } })),
 * })
 * for await (const line of run.results()) console.log(line.custom_id, line.response?.status_code)
 */
export async function runBatch<TResult = unknown, TBody = Record<string, unknown>>(
  client: Client,
  params: RunBatchParams<TBody>,
  options?: RequestOptions,
): Promise<BatchRun<TResult>> {
  const { requests, pollInterval, signal, onPoll, completion_window = '24h', ...create } = params ?? {}
  if (!requests)
    throw new OpenAIError('runBatch: `requests` is required (an iterable of { custom_id, body }).')
  const requestOptions = { ...options, signal: signal ?? options?.signal }
  const problem: { error?: OpenAIError } = {}
  const file = await uploadFile(
    client,
    {
      file: ['batch.jsonl', jsonl(requests, create.endpoint, problem), 'application/jsonl'],
      purpose: 'batch',
    },
    requestOptions,
  ).catch((error: unknown) => {
    throw problem.error ?? error
  })
  const created = await createBatch(
    client,
    { ...create, input_file_id: file.id, completion_window },
    requestOptions,
  )
  const batch = await waitForBatch(client, created.id, { pollInterval, signal, onPoll }, options)
  if (batch.status === 'failed') throw new BatchFailedError(batch)
  return {
    batch,
    results: () =>
      batch.output_file_id
        ? readBatchResults<TResult>(client, batch, {}, requestOptions)
        : (async function* () {})(),
    errors: () =>
      batch.error_file_id
        ? readBatchResults<null>(client, batch, { file: 'error' }, requestOptions)
        : (async function* () {})(),
  }
}
