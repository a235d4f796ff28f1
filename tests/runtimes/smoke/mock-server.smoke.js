// @acme/openai-mock inside the runtime itself (Node, Bun, Deno: it is a node:http server, so not for workerd or
// browsers): start it on 127.0.0.1, answer, record, fail on cue, stream SSE, accept a realtime WebSocket, close.
import { startMockServer } from '@acme/openai-mock'
import { checklist, equal } from './checklist.js'

/** Starts a private mock server in this runtime and checks it; throws on the first failure. */
export async function smoke({ apiKey }) {
  const list = checklist()
  const mock = await startMockServer()
  const auth = { authorization: `Bearer ${apiKey}` }
  try {
    await list.check('listens on 127.0.0.1 and answers GET /v1/models', async () => {
      equal(/^http:\/\/127\.0\.0\.1:\d+$/.test(mock.url), true, `url ${mock.url}`)
      equal(mock.baseURL, `${mock.url}/v1`, 'baseURL')
      const response = await fetch(`${mock.baseURL}/models`, { headers: auth })
      equal(response.status, 200, 'status')
      equal((await response.json()).object, 'list', 'object')
    })

    await list.check('refuses a request without a key (401)', async () => {
      const response = await fetch(`${mock.baseURL}/models`)
      equal(response.status, 401, 'status')
      equal((await response.json()).error.code, 'invalid_api_key', 'error code')
    })

    await list.check('records requests and plays an enqueued fault once', async () => {
      mock.reset()
      mock.enqueueFault({ match: { path: '/v1/models' }, status: 429, headers: { 'retry-after': '1' } })
      const first = await fetch(`${mock.baseURL}/models`, { headers: auth })
      await first.arrayBuffer()
      const second = await fetch(`${mock.baseURL}/models?limit=2`, { headers: auth })
      await second.arrayBuffer()
      equal([first.status, first.headers.get('retry-after'), second.status], [429, '1', 200], 'statuses')
      equal(
        mock.requests.map((r) => [r.method, r.path, r.search]),
        [
          ['GET', '/v1/models', ''],
          ['GET', '/v1/models', '?limit=2'],
        ],
        'recorded',
      )
    })

    await list.check('streams a response as SSE', async () => {
      const response = await fetch(`${mock.baseURL}/responses`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'gpt-4o-mini', input: 'sse', stream: true }),
      })
      equal(response.headers.get('content-type')?.startsWith('text/event-stream'), true, 'content-type')
      const events = (await response.text()).split('\n').filter((line) => line.startsWith('event: '))
      equal([events[0], events.at(-1)], ['event: response.created', 'event: response.completed'], 'events')
    })

    if (typeof WebSocket === 'function')
      await list.check('accepts a realtime WebSocket with the subprotocol key', async () => {
        const socket = new WebSocket(`${mock.baseURL.replace('http', 'ws')}/realtime?model=gpt-realtime`, [
          'realtime',
          `openai-insecure-api-key.${apiKey}`,
        ])
        const first = await new Promise((resolve, reject) => {
          socket.onmessage = (message) => resolve(JSON.parse(message.data))
          socket.onerror = () => reject(new Error('WebSocket error before the first event'))
        })
        equal([socket.protocol, first.type], ['realtime', 'session.created'], 'protocol and first event')
        socket.close(1000)
      })
    else
      list.skip(
        'accepts a realtime WebSocket with the subprotocol key',
        'no global WebSocket in this runtime',
      )
  } finally {
    await mock.close()
  }

  await list.check('close() stops listening', async () => {
    const error = await fetch(`${mock.baseURL}/models`, { headers: auth }).then(
      () => null,
      (e) => e,
    )
    equal(error instanceof TypeError, true, 'fetch after close fails')
  })

  return list.report()
}
