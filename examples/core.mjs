// @acme/openai-core on its own: a client, one call, typed errors, retries you can watch, pagination, streams.
import { createClient, NotFoundError, path, request, requestPage, withOptions } from '@acme/openai-core'

export default async function coreTour({ client, mock, live, log }) {
  const {
    data: model,
    response,
    request_id,
  } = await request(client, {
    method: 'get',
    path: path`/models/${'gpt-4o-mini'}`,
  }).withResponse()
  log('GET /models/gpt-4o-mini with the raw response alongside', {
    id: model.id,
    status: response.status,
    request_id,
  })

  const missing = await request(client, { method: 'get', path: path`/models/${'no-such-model'}` }).catch(
    (e) => e,
  )
  log('A 404 is a typed error', {
    isNotFoundError: missing instanceof NotFoundError,
    message: missing.message,
    requestID: missing.requestID,
  })

  try {
    path`/files/${'..'}`
  } catch (error) {
    log('Path parameters cannot climb out of their segment', error.message)
  }

  if (live) {
    log('Skipping the fault-injection part of the tour', 'it needs the mock server (unset OPENAI_API_KEY)')
    return
  }

  mock.enqueueFault({ status: 503, headers: { 'retry-after-ms': '100' } }, { reset: true })
  const retries = []
  const watched = withOptions(client, {
    hooks: {
      onRetry: (i) =>
        retries.push(
          `attempt ${i.attempt} failed (${i.status ?? 'connection reset'}), waiting ${Math.round(i.delayMs)}ms`,
        ),
    },
  })
  const ok = await request(watched, { method: 'get', path: '/models/gpt-4o-mini' })
  log('A 503 then a reset connection, retried with backoff until it works', { retries, result: ok.id })

  const ids = []
  for await (const item of requestPage(
    client,
    { method: 'get', path: '/items', query: { limit: 10 } },
    'cursor',
  ))
    ids.push(item.id)
  log('Auto-pagination across pages of 10', `${ids.length} items: ${ids[0]} ... ${ids.at(-1)}`)

  const page = await requestPage(client, { method: 'get', path: '/items', query: { limit: 5 } }, 'cursor')
  log('One page at a time', {
    data: page.data.map((i) => i.id),
    hasNextPage: page.hasNextPage(),
    nextPageInfo: page.nextPageInfo(),
  })

  const stream = await request(client, {
    method: 'get',
    path: '/sse',
    query: { count: 5, size: 8 },
    stream: true,
  })
  const events = []
  for await (const event of stream) events.push(event.index)
  log('Server-sent events as an async iterable', events)

  const unauthenticated = createClient({ apiKey: null, baseURL: mock.baseURL })
  const denied = await request(unauthenticated, { method: 'get', path: '/models' }).catch((e) => e)
  log('No key, no entry: AuthenticationError', denied.message)
}
