import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startMockServer } from '../start-mock-server'
import type { MockServer } from '../types'

type Json = Record<string, any>

/** Splits an SSE body into `{ event, data }` frames (one data line each, as the mock writes them). */
function parseFrames(text: string): Array<{ event: string | undefined; data: Json }> {
  return text
    .split('\n\n')
    .filter(Boolean)
    .map((block) => {
      const lines = block.split('\n')
      const event = lines.find((l) => l.startsWith('event: '))?.slice(7)
      const data = lines.find((l) => l.startsWith('data: '))!.slice(6)
      return { event, data: JSON.parse(data) }
    })
}

const weatherTool = {
  type: 'function',
  name: 'get_weather',
  description: 'Current weather',
  parameters: {
    type: 'object',
    properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['c', 'f'] } },
    required: ['city', 'unit'],
    additionalProperties: false,
  },
  strict: true,
}

describe('/v1/responses', () => {
  let server: MockServer
  beforeAll(async () => {
    server = await startMockServer()
  })
  afterAll(() => server.close())
  beforeEach(() => server.reset())

  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(server.baseURL + path, {
      method,
      headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: res.status, headers: res.headers, text: await res.text() }
  }
  const create = async (body: Json) => {
    const res = await call('POST', '/responses', body)
    return { status: res.status, body: JSON.parse(res.text) as Json }
  }

  it('answers a string input with a complete, realistic Response', async () => {
    const { status, body } = await create({
      model: 'gpt-5.4',
      input: 'Say hi',
      instructions: 'Be brief',
      metadata: { k: 'v' },
    })
    expect(status).toBe(200)
    expect(body).toMatchObject({
      object: 'response',
      status: 'completed',
      model: 'gpt-5.4',
      instructions: 'Be brief',
      metadata: { k: 'v' },
      background: false,
      error: null,
      incomplete_details: null,
      previous_response_id: null,
      store: true,
      text: { format: { type: 'text' } },
      tool_choice: 'auto',
      tools: [],
    })
    expect(body.id).toMatch(/^resp_/)
    expect(body.completed_at).toBe(body.created_at)
    expect(body.output).toEqual([
      {
        id: expect.stringMatching(/^msg_/),
        type: 'message',
        status: 'completed',
        role: 'assistant',
        content: [{ type: 'output_text', text: 'Hello! You said: Say hi', annotations: [], logprobs: [] }],
      },
    ])
    expect(body.usage).toEqual({
      input_tokens: 4,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens: 6,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: 10,
    })
  })

  it('answers the text of the last user message of an item list', async () => {
    const { body } = await create({
      model: 'gpt-5.4',
      input: [
        { role: 'user', content: 'first' },
        { role: 'assistant', content: 'ok' },
        { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'second' }] },
      ],
    })
    expect(body.output[0].content[0].text).toBe('Hello! You said: second')
  })

  it('calls the function tool when the input mentions the weather', async () => {
    const { body } = await create({
      model: 'gpt-5.4',
      input: "What's the weather in Paris?",
      tools: [weatherTool],
    })
    expect(body.output).toEqual([
      {
        id: expect.stringMatching(/^fc_/),
        type: 'function_call',
        status: 'completed',
        arguments: '{"city":"Paris","unit":"c"}',
        call_id: expect.stringMatching(/^call_/),
        name: 'get_weather',
      },
    ])
    expect(body.tools).toEqual([weatherTool])
  })

  it('answers a function_call_output follow-up with a message, chained by previous_response_id', async () => {
    const first = await create({ model: 'gpt-5.4', input: 'weather please', tools: [weatherTool] })
    const { call_id } = first.body.output[0]
    const { status, body } = await create({
      model: 'gpt-5.4',
      previous_response_id: first.body.id,
      input: [{ type: 'function_call_output', call_id, output: '{"temp_c":18}' }],
      tools: [weatherTool],
    })
    expect(status).toBe(200)
    expect(body.previous_response_id).toBe(first.body.id)
    expect(body.output[0].type).toBe('message')
    expect(body.output[0].content[0].text).toBe('Hello! You said: {"temp_c":18}')
  })

  it('answers 404 for an unknown previous_response_id', async () => {
    const { status, body } = await create({ model: 'gpt-5.4', input: 'x', previous_response_id: 'resp_nope' })
    expect(status).toBe(404)
    expect(body.error).toEqual({
      message: "Previous response with id 'resp_nope' not found.",
      type: 'invalid_request_error',
      param: 'previous_response_id',
      code: 'previous_response_not_found',
    })
  })

  it('produces JSON text matching a json_schema format', async () => {
    const { body } = await create({
      model: 'gpt-5.4',
      input: 'extract',
      text: {
        format: {
          type: 'json_schema',
          name: 'person',
          strict: true,
          schema: {
            type: 'object',
            properties: {
              name: { type: 'string' },
              age: { type: 'integer' },
              tags: { type: 'array' },
              ok: { type: 'boolean' },
            },
            required: ['name', 'age', 'tags', 'ok'],
          },
        },
      },
    })
    expect(JSON.parse(body.output[0].content[0].text)).toEqual({
      name: 'example',
      age: 1,
      tags: [],
      ok: true,
    })
    expect(body.text.format.type).toBe('json_schema')
  })

  it('reports incomplete when max_output_tokens is below 5', async () => {
    const { body } = await create({ model: 'gpt-5.4', input: 'a long question here', max_output_tokens: 2 })
    expect(body.status).toBe('incomplete')
    expect(body.incomplete_details).toEqual({ reason: 'max_output_tokens' })
    expect(body.completed_at).toBeNull()
    expect(body.output[0].status).toBe('incomplete')
    expect(body.output[0].content[0].text).toBe('Hello! You ')
    expect(body.usage.output_tokens).toBe(2)
  })

  it('validates the body', async () => {
    const noModel = await create({ input: 'x' })
    expect(noModel.status).toBe(400)
    expect(noModel.body.error).toMatchObject({ param: 'model', code: 'missing_required_parameter' })
    expect((await call('POST', '/responses', 'not an object')).status).toBe(400)
    expect((await create({ model: 'm', input: 3 })).status).toBe(400)
  })

  it('stores responses for retrieve, input_items and delete; store: false keeps nothing', async () => {
    const { body } = await create({
      model: 'gpt-5.4',
      input: [
        { role: 'user', content: 'one' },
        { role: 'user', content: 'two' },
      ],
    })
    const retrieved = await call('GET', `/responses/${body.id}`)
    expect(JSON.parse(retrieved.text)).toEqual(body)

    const items = JSON.parse((await call('GET', `/responses/${body.id}/input_items`)).text)
    expect(items.object).toBe('list')
    expect(items.has_more).toBe(false)
    expect(items.data.map((item: Json) => item.content[0].text)).toEqual(['two', 'one'])
    expect(items.data[0]).toEqual({
      id: expect.stringMatching(/^msg_/),
      type: 'message',
      role: 'user',
      status: 'completed',
      content: [{ type: 'input_text', text: 'two' }],
    })
    expect(items.first_id).toBe(items.data[0].id)
    const asc = JSON.parse((await call('GET', `/responses/${body.id}/input_items?order=asc&limit=1`)).text)
    expect([asc.data[0].content[0].text, asc.has_more]).toEqual(['one', true])

    const deleted = await call('DELETE', `/responses/${body.id}`)
    expect(JSON.parse(deleted.text)).toEqual({ id: body.id, object: 'response.deleted', deleted: true })
    expect((await call('GET', `/responses/${body.id}`)).status).toBe(404)
    expect((await call('DELETE', `/responses/${body.id}`)).status).toBe(404)

    const unstored = await create({ model: 'gpt-5.4', input: 'x', store: false })
    expect(unstored.body.store).toBe(false)
    const missing = await call('GET', `/responses/${unstored.body.id}`)
    expect(missing.status).toBe(404)
    expect(JSON.parse(missing.text).error.message).toBe(`No response found with id '${unstored.body.id}'.`)
  })

  it('runs background responses: queued, completed on retrieve, cancellable only while queued', async () => {
    const { body } = await create({ model: 'gpt-5.4', input: 'later', background: true })
    expect([body.status, body.background, body.output, body.usage]).toEqual(['queued', true, [], null])
    const done = JSON.parse((await call('GET', `/responses/${body.id}`)).text)
    expect(done.status).toBe('completed')
    expect(done.output[0].content[0].text).toBe('Hello! You said: later')
    const late = await call('POST', `/responses/${body.id}/cancel`)
    expect(late.status).toBe(400)

    const other = await create({ model: 'gpt-5.4', input: 'stop me', background: true })
    const cancelled = JSON.parse((await call('POST', `/responses/${other.body.id}/cancel`)).text)
    expect(cancelled.status).toBe('cancelled')
    expect(JSON.parse((await call('GET', `/responses/${other.body.id}`)).text).status).toBe('cancelled')
    expect(JSON.parse((await call('POST', `/responses/${other.body.id}/cancel`)).text).status).toBe(
      'cancelled',
    )

    const plain = await create({ model: 'gpt-5.4', input: 'x' })
    const refused = await call('POST', `/responses/${plain.body.id}/cancel`)
    expect(refused.status).toBe(400)
    expect(JSON.parse(refused.text).error.message).toBe(
      'Only background responses can be cancelled; this one was created without background: true.',
    )
    expect((await call('POST', '/responses/resp_unknown/cancel')).status).toBe(404)
  })

  it('streams the events in the reference order with increasing sequence numbers', async () => {
    const res = await call('POST', '/responses', { model: 'gpt-5.4', input: 'Say hi', stream: true })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
    const frames = parseFrames(res.text)
    expect(frames.map((f) => f.event)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ])
    for (const [i, frame] of frames.entries()) {
      expect(frame.data.type).toBe(frame.event)
      expect(frame.data.sequence_number).toBe(i)
    }
    const [created, inProgress, added, partAdded] = frames.map((f) => f.data)
    expect(created.response).toMatchObject({ status: 'in_progress', output: [], usage: null })
    expect(inProgress.response.status).toBe('in_progress')
    const itemId = added.item.id
    expect(added).toMatchObject({
      output_index: 0,
      item: { type: 'message', status: 'in_progress', content: [] },
    })
    expect(partAdded).toMatchObject({
      item_id: itemId,
      output_index: 0,
      content_index: 0,
      part: { type: 'output_text', text: '', annotations: [] },
    })
    const deltas = frames.filter((f) => f.event === 'response.output_text.delta').map((f) => f.data)
    expect(deltas.map((d) => d.delta)).toEqual(['Hello! ', 'You ', 'said: ', 'Say ', 'hi'])
    for (const delta of deltas)
      expect(delta).toMatchObject({ item_id: itemId, output_index: 0, content_index: 0 })
    expect(frames[9].data).toMatchObject({ item_id: itemId, text: 'Hello! You said: Say hi' })
    const completed = frames[12].data.response
    expect(completed.status).toBe('completed')
    expect(completed.output[0].content[0].text).toBe('Hello! You said: Say hi')

    // The streamed response is stored and equals the final snapshot.
    expect(JSON.parse((await call('GET', `/responses/${completed.id}`)).text)).toEqual(completed)
  })

  it('streams function-call arguments', async () => {
    const res = await call('POST', '/responses', {
      model: 'gpt-5.4',
      input: 'weather?',
      tools: [weatherTool],
      stream: true,
    })
    const frames = parseFrames(res.text)
    const types = frames.map((f) => f.event)
    expect(types.slice(0, 3)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
    ])
    expect(types.slice(-3)).toEqual([
      'response.function_call_arguments.done',
      'response.output_item.done',
      'response.completed',
    ])
    const deltas = frames
      .filter((f) => f.event === 'response.function_call_arguments.delta')
      .map((f) => f.data.delta)
    expect(deltas.length).toBeGreaterThan(1)
    expect(deltas.join('')).toBe('{"city":"Paris","unit":"c"}')
    expect(frames[2].data.item).toMatchObject({ type: 'function_call', arguments: '', status: 'in_progress' })
    expect(frames.at(-3)!.data).toMatchObject({
      name: 'get_weather',
      arguments: '{"city":"Paris","unit":"c"}',
    })
  })

  it('streams response.incomplete as the terminal event when cut short', async () => {
    const frames = parseFrames(
      (await call('POST', '/responses', { model: 'm', input: 'hi', max_output_tokens: 1, stream: true }))
        .text,
    )
    expect(frames.at(-1)!.data).toMatchObject({
      type: 'response.incomplete',
      response: { status: 'incomplete' },
    })
  })

  it('emits an error event mid-stream for the input "trigger error"', async () => {
    const frames = parseFrames(
      (await call('POST', '/responses', { model: 'm', input: 'trigger error', stream: true })).text,
    )
    expect(frames.map((f) => f.event)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'error',
    ])
    expect(frames[5].data).toEqual({
      type: 'error',
      sequence_number: 5,
      code: 'server_error',
      message: 'The mock server failed this stream on purpose (the input was "trigger error").',
      param: null,
    })
  })

  it('replays stored events after starting_after, and a background stream starts queued', async () => {
    const stream = parseFrames(
      (await call('POST', '/responses', { model: 'm', input: 'Say hi', stream: true, background: true }))
        .text,
    )
    expect(stream.slice(0, 3).map((f) => f.event)).toEqual([
      'response.created',
      'response.queued',
      'response.in_progress',
    ])
    expect(stream[0].data.response.status).toBe('queued')
    const id = stream[0].data.response.id
    const replay = await call('GET', `/responses/${id}?stream=true&starting_after=10`)
    const frames = parseFrames(replay.text)
    expect(frames.map((f) => f.data.sequence_number)).toEqual([11, 12, 13])
    expect(frames.at(-1)!.event).toBe('response.completed')
    expect((await call('GET', `/responses/${id}?stream=true&starting_after=x`)).status).toBe(400)
  })
})
