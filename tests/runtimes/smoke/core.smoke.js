// @acme/openai-core on every runtime: the request pipeline, SSE streaming, retries, error classes, cancellation.
import {
  APIConnectionTimeoutError,
  APIError,
  createClient,
  isBrowserLike,
  NotFoundError,
  path,
  request,
} from '@acme/openai-core'
import { checklist, control, equal, rejects } from './checklist.js'

/** Runs the core checks against the mock server at `baseURL`; throws on the first failure. */
export async function smoke({ runtime, baseURL, mockURL, apiKey }) {
  const list = checklist()
  // The browser guard wants the flag for a key in a page; elsewhere the flag changes nothing.
  const client = createClient({ apiKey, baseURL, maxRetries: 0, dangerouslyAllowBrowser: true })

  await list.check('isBrowserLike() tells this runtime apart', () =>
    equal(isBrowserLike(), runtime === 'chromium', 'isBrowserLike()'),
  )

  await list.check('request: GET /models parses JSON and keeps the request id', async () => {
    const models = await request(client, { method: 'get', path: '/models' })
    equal(models.object, 'list', 'object')
    equal(models.data.length > 0, true, 'has models')
    equal(/^req_/.test(models._request_id), true, '_request_id starts with req_')
  })

  await list.check('request: stream: true yields the SSE events in order', async () => {
    const stream = await request(client, {
      method: 'post',
      path: '/responses',
      body: { model: 'gpt-4o-mini', input: 'ping', stream: true },
      stream: true,
    })
    const types = []
    let text = ''
    for await (const event of stream) {
      types.push(event.type)
      if (event.type === 'response.output_text.delta') text += event.delta
    }
    equal(text, 'Hello! You said: ping', 'streamed text')
    equal([types[0], types.at(-1)], ['response.created', 'response.completed'], 'first and last event')
  })

  await list.check('breaking out of a stream cancels it', async () => {
    const stream = await request(client, {
      method: 'post',
      path: '/responses',
      body: { model: 'gpt-4o-mini', input: 'a long answer to cut short', stream: true },
      stream: true,
    })
    let seen = 0
    for await (const _event of stream) if (++seen === 2) break
    equal(seen, 2, 'events read before break')
  })

  await list.check('a 503 is retried and the retry succeeds', async () => {
    await control(mockURL, 'POST', 'reset')
    await control(mockURL, 'POST', 'faults', {
      match: { path: '/v1/models' },
      status: 503,
      headers: { 'retry-after-ms': '0' },
    })
    const retrying = createClient({ apiKey, baseURL, maxRetries: 1, dangerouslyAllowBrowser: true })
    const models = await request(retrying, { method: 'get', path: '/models' })
    equal(models.object, 'list', 'object after the retry')
    const recorded = await control(mockURL, 'GET', 'requests')
    const attempts = recorded.filter((r) => r.path === '/v1/models')
    equal(attempts.length, 2, 'GET /v1/models attempts (503, then the retry)')
    equal(attempts.at(-1).headers.authorization, `Bearer ${apiKey}`, 'authorization sent')
  })

  await list.check('a 404 becomes NotFoundError with status and request id', async () => {
    const error = await rejects(() =>
      request(client, { method: 'get', path: path`/responses/${'resp_missing'}` }),
    )
    equal(error instanceof NotFoundError && error instanceof APIError, true, 'NotFoundError instanceof')
    equal(error.status, 404, 'status')
    equal(typeof error.requestID, 'string', 'requestID type')
  })

  await list.check('a slow answer past `timeout` is APIConnectionTimeoutError', async () => {
    await control(mockURL, 'POST', 'faults', { match: { path: '/v1/models' }, delayMs: 2000 })
    const error = await rejects(() => request(client, { method: 'get', path: '/models', timeout: 100 }))
    equal(error instanceof APIConnectionTimeoutError, true, `APIConnectionTimeoutError (got ${error.name})`)
  })

  return list.report()
}
