import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMockServer } from './start-mock-server'
import type { MockServer } from './types'

// The official SDK (a root devDependency) is the reference client: if it accepts our shapes, clients
// written against the real API accept them too.
describe('the official openai SDK against the mock', () => {
  let server: MockServer
  let client: OpenAI
  beforeAll(async () => {
    server = await startMockServer()
    client = new OpenAI({ apiKey: 'sk-test', baseURL: server.baseURL, maxRetries: 0 })
  })
  afterAll(() => server.close())

  it('creates a response and reads output_text and the request id', async () => {
    const { data, request_id } = await client.responses
      .create({ model: 'gpt-5.4', input: 'Say hi' })
      .withResponse()
    expect(data.output_text).toBe('Hello! You said: Say hi')
    expect(request_id).toMatch(/^req_/)
  })

  it('accumulates a streamed response with responses.stream()', async () => {
    const stream = client.responses.stream({ model: 'gpt-5.4', input: 'Say hi' })
    const deltas: string[] = []
    stream.on('response.output_text.delta', (event) => deltas.push(event.delta))
    const final = await stream.finalResponse()
    expect(deltas.join('')).toBe('Hello! You said: Say hi')
    expect(final.output_text).toBe('Hello! You said: Say hi')
    expect(final.status).toBe('completed')
  })

  it('turns the mid-stream error event into an APIError', async () => {
    const stream = await client.responses.create({ model: 'gpt-5.4', input: 'trigger error', stream: true })
    const seen: string[] = []
    await expect(
      (async () => {
        for await (const event of stream) seen.push(event.type)
      })(),
    ).rejects.toBeInstanceOf(OpenAI.APIError)
    expect(seen).toContain('response.output_text.delta')
  })

  it('paginates input items and chat completions', async () => {
    const input = Array.from({ length: 5 }, (_, i) => ({ role: 'user' as const, content: `m${i}` }))
    const response = await client.responses.create({ model: 'gpt-5.4', input })
    const ids: string[] = []
    for await (const item of client.responses.inputItems.list(response.id, { limit: 2 })) ids.push(item.id!)
    expect(ids).toHaveLength(5)

    for (let i = 0; i < 3; i++) {
      await client.chat.completions.create({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: `c${i}` }],
        store: true,
      })
    }
    const stored: string[] = []
    for await (const completion of client.chat.completions.list({ limit: 2 })) stored.push(completion.id)
    expect(stored).toHaveLength(3)
  })

  it('streams a chat completion with tool calls through chat.completions.stream()', async () => {
    const stream = client.chat.completions.stream({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'weather in Paris?' }],
      tools: [
        {
          type: 'function',
          function: {
            name: 'get_weather',
            parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
          },
        },
      ],
      stream_options: { include_usage: true },
    })
    const completion = await stream.finalChatCompletion()
    expect(completion.choices[0].finish_reason).toBe('tool_calls')
    expect(completion.choices[0].message.tool_calls?.[0]).toMatchObject({
      type: 'function',
      function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
    })
    expect(completion.usage?.total_tokens).toBeGreaterThan(0)
  })

  it('maps injected faults to the SDK error classes, honouring retry headers', async () => {
    server.enqueueFault({ status: 429, headers: { 'retry-after-ms': '0' } }, { status: 404 })
    const retrying = new OpenAI({ apiKey: 'sk-test', baseURL: server.baseURL, maxRetries: 1 })
    await expect(retrying.models.list()).rejects.toBeInstanceOf(OpenAI.NotFoundError)
    await expect(client.models.retrieve('nope')).rejects.toMatchObject({
      status: 404,
      code: null,
      param: 'model',
    })
    const noKey = new OpenAI({
      apiKey: 'sk-test',
      baseURL: server.baseURL,
      maxRetries: 0,
      defaultHeaders: { Authorization: null },
    })
    await expect(noKey.models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError)
  })
})
