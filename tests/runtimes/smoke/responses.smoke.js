// @acme/openai-responses on every runtime: create (plain and streaming), the streamResponse helper, retrieve,
// input items pagination and delete.
import { createClient, NotFoundError } from '@acme/openai-core'
import {
  createResponse,
  deleteResponse,
  listInputItems,
  retrieveResponse,
  streamResponse,
} from '@acme/openai-responses'
import { checklist, equal, rejects } from './checklist.js'

const model = 'gpt-4o-mini'

/** Runs the Responses checks against the mock server at `baseURL`; throws on the first failure. */
export async function smoke({ baseURL, apiKey }) {
  const list = checklist()
  const client = createClient({ apiKey, baseURL, maxRetries: 0, dangerouslyAllowBrowser: true })
  let stored

  await list.check('createResponse returns the response with output_text', async () => {
    stored = await createResponse(client, { model, input: 'Hi there' })
    equal(
      [stored.object, stored.status, stored.output_text],
      ['response', 'completed', 'Hello! You said: Hi there'],
    )
  })

  await list.check('createResponse with stream: true yields typed events', async () => {
    const stream = await createResponse(client, { model, input: 'stream please', stream: true })
    let text = ''
    let last
    for await (const event of stream) {
      if (event.type === 'response.output_text.delta') text += event.delta
      last = event.type
    }
    equal([text, last], ['Hello! You said: stream please', 'response.completed'], 'text and last event')
  })

  await list.check('streamResponse: delta snapshots and finalResponse()', async () => {
    const snapshots = []
    const stream = streamResponse(client, { model, input: 'one two' }).on('response.output_text.delta', (e) =>
      snapshots.push(e.snapshot),
    )
    const final = await stream.finalResponse()
    equal(final.output_text, 'Hello! You said: one two', 'final output_text')
    equal(snapshots.at(-1), final.output_text, 'last snapshot')
    equal(snapshots.length > 1, true, 'more than one delta')
  })

  await list.check('retrieveResponse and listInputItems find the stored response', async () => {
    const again = await retrieveResponse(client, stored.id)
    equal([again.id, again.output_text], [stored.id, 'Hello! You said: Hi there'], 'retrieved')
    const texts = []
    for await (const item of listInputItems(client, stored.id)) texts.push(item.content?.[0]?.text)
    equal(texts, ['Hi there'], 'input items')
  })

  await list.check('deleteResponse deletes it; retrieving it again is a NotFoundError', async () => {
    equal(await deleteResponse(client, stored.id), undefined, 'deleteResponse result')
    const error = await rejects(() => retrieveResponse(client, stored.id))
    equal(error instanceof NotFoundError, true, `NotFoundError (got ${error?.name})`)
  })

  return list.report()
}
