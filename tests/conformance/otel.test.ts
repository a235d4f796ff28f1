// Telemetry oracle: each row runs the same call through the official client v6 patched by
// @opentelemetry/instrumentation-openai and through ours with withTelemetry, against the same mock server, each
// into fresh in-memory exporters, and compares every span, metric point and log record.
import { createChatCompletion } from '@acme/openai-chat'
import { type Client, createClient } from '@acme/openai-core'
import { createEmbedding } from '@acme/openai-embeddings'
import { withTelemetry } from '@acme/openai-otel'
import { createResponse } from '@acme/openai-responses'
import { afterAll, describe, expect, it } from 'vitest'
import { client, mock, useMockClient } from '../support/mock-client'
import { instrumentedOpenAI, type TelemetrySink, telemetrySink, useSink } from '../support/otel-sdk'

useMockClient()

interface Row {
  name: string
  /** The official client's call. */
  official(openai: any): Promise<unknown>
  /** The same call through our packages. */
  ours(client: Client): Promise<unknown>
  /** Runs before each of the two calls (e.g. a scripted fault). */
  before?(): void
  /** An intentional difference: both span status messages match it, and are then not compared. */
  statusMessage?: RegExp
  /** An intentional difference: span attributes only ours records (checked, then left out of the comparison). */
  oursOnly?: Record<string, unknown>
  /** Retries for both clients (default 0). */
  maxRetries?: number
}

const drain = async (stream: any) => {
  for await (const _ of stream);
}

const chatParams = {
  model: 'gpt-5.4',
  messages: [
    { role: 'system', content: 'Be brief.' },
    {
      role: 'user',
      content: [
        { type: 'text', text: 'Hi ' },
        { type: 'text', text: 'there' },
      ],
    },
    { role: 'assistant', content: 'Hello.' },
    { role: 'user', content: 'Say something' },
  ],
  temperature: 0.5,
  top_p: 0.9,
  max_tokens: 50,
  frequency_penalty: 0.1,
  presence_penalty: 0.2,
  stop: 'END',
  seed: 7,
} as const
const weather = {
  model: 'gpt-5.4',
  messages: [{ role: 'user', content: 'What is the weather in Paris?' }],
  tools: [
    {
      type: 'function',
      function: {
        name: 'get_weather',
        parameters: { type: 'object', properties: { city: { type: 'string' } } },
      },
    },
  ],
} as const
const responseParams = {
  model: 'gpt-5.4',
  instructions: 'Be brief.',
  input: 'Hello there',
  temperature: 0.3,
  top_p: 0.8,
  max_output_tokens: 64,
} as const
const responseTools = {
  model: 'gpt-5.4',
  input: [
    { role: 'user', content: [{ type: 'input_text', text: 'What is the weather in Paris?' }] },
    { type: 'function_call', call_id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' },
    { type: 'function_call_output', call_id: 'call_1', output: 'sunny' },
    { role: 'user', content: 'And in Rome, the weather?' },
  ],
  tools: [
    { type: 'function', name: 'get_weather', parameters: { type: 'object', properties: {} }, strict: false },
  ],
} as const
// The mock has no /embeddings route yet: both clients get the same scripted answer.
const embedding = (encoding: 'float' | 'base64') => ({
  match: { path: '/v1/embeddings' },
  status: 200,
  body: {
    object: 'list',
    model: 'text-embedding-3-small',
    data: [
      { object: 'embedding', index: 0, embedding: encoding === 'float' ? [0.5, -0.25] : 'AAAAPwAAgL4=' },
    ],
    usage: { prompt_tokens: 4, total_tokens: 4 },
  },
})

const rows: Row[] = [
  {
    name: 'chat, plain, every recorded request parameter',
    official: (o) => o.chat.completions.create(chatParams),
    ours: (c) => createChatCompletion(c, chatParams as any),
  },
  {
    name: 'chat, max_completion_tokens cuts the answer (finish_reason length)',
    official: (o) => o.chat.completions.create({ ...chatParams, max_completion_tokens: 2, stop: ['a', 'b'] }),
    ours: (c) =>
      createChatCompletion(c, { ...chatParams, max_completion_tokens: 2, stop: ['a', 'b'] } as any),
  },
  {
    name: 'chat, tool call',
    official: (o) => o.chat.completions.create(weather),
    ours: (c) => createChatCompletion(c, weather as any),
  },
  {
    name: 'chat, streamed with usage',
    official: async (o) =>
      drain(
        await o.chat.completions.create({
          ...chatParams,
          stream: true,
          stream_options: { include_usage: true },
        }),
      ),
    ours: async (c) =>
      drain(
        await createChatCompletion(c, {
          ...chatParams,
          stream: true,
          stream_options: { include_usage: true },
        } as any),
      ),
  },
  {
    name: 'chat, streamed without usage',
    official: async (o) => drain(await o.chat.completions.create({ ...chatParams, stream: true })),
    ours: async (c) => drain(await createChatCompletion(c, { ...chatParams, stream: true } as any)),
  },
  {
    name: 'chat, streamed tool call',
    official: async (o) => drain(await o.chat.completions.create({ ...weather, stream: true })),
    ours: async (c) => drain(await createChatCompletion(c, { ...weather, stream: true } as any)),
  },
  {
    name: 'embeddings, encoding_format float',
    before: () => mock.enqueueFault(embedding('float')),
    official: (o) =>
      o.embeddings.create({ model: 'text-embedding-3-small', input: 'hi', encoding_format: 'float' }),
    ours: (c) =>
      createEmbedding(c, { model: 'text-embedding-3-small', input: 'hi', encoding_format: 'float' }),
  },
  {
    name: 'embeddings, default encoding',
    before: () => mock.enqueueFault(embedding('base64')),
    official: (o) => o.embeddings.create({ model: 'text-embedding-3-small', input: ['a', 'b'] }),
    ours: (c) => createEmbedding(c, { model: 'text-embedding-3-small', input: ['a', 'b'] }),
  },
  {
    name: 'responses, plain',
    official: (o) => o.responses.create(responseParams),
    ours: (c) => createResponse(c, responseParams),
  },
  {
    name: 'responses, function call with tool history in the input',
    official: (o) => o.responses.create(responseTools),
    ours: (c) => createResponse(c, responseTools as any),
  },
  {
    name: 'responses, streamed',
    official: async (o) => drain(await o.responses.create({ ...responseParams, stream: true })),
    ours: async (c) => drain(await createResponse(c, { ...responseParams, stream: true })),
  },
  {
    name: 'responses, streamed function call',
    official: async (o) => drain(await o.responses.create({ ...responseTools, stream: true })),
    ours: async (c) => drain(await createResponse(c, { ...responseTools, stream: true } as any)),
  },
  {
    name: 'chat answered after one retry (429, then 200): one span, one duration point',
    maxRetries: 1,
    before: () => mock.enqueueFault({ status: 429, headers: { 'retry-after-ms': '1' } }),
    official: (o) => o.chat.completions.create(chatParams),
    ours: (c) => createChatCompletion(c, chatParams as any),
  },
  {
    name: 'failing chat call (400)',
    before: () => mock.enqueueFault({ status: 400 }),
    official: (o) => o.chat.completions.create(chatParams),
    ours: (c) => createChatCompletion(c, chatParams as any),
  },
  {
    name: 'failing streamed chat call (429, no retries)',
    before: () => mock.enqueueFault({ status: 429 }),
    official: (o) => o.chat.completions.create({ ...chatParams, stream: true }),
    ours: (c) => createChatCompletion(c, { ...chatParams, stream: true } as any),
  },
  {
    name: 'failing embeddings call (500)',
    before: () => mock.enqueueFault({ status: 500 }),
    official: (o) => o.embeddings.create({ model: 'text-embedding-3-small', input: 'hi' }),
    ours: (c) => createEmbedding(c, { model: 'text-embedding-3-small', input: 'hi' }),
  },
  {
    name: 'failing responses call (connection reset)',
    before: () => mock.enqueueFault({ reset: true }),
    // Core's connection error names the host and the cause; the official one says only "Connection error.".
    statusMessage: /^Connection error/,
    official: (o) => o.responses.create(responseParams),
    ours: (c) => createResponse(c, responseParams),
  },
]

const compared = { spans: 0, points: 0, logs: 0 }
afterAll(() => {
  // A summary for the report; the assertions are in the rows.
  console.log(
    `otel oracle: compared ${compared.spans} spans, ${compared.points} metric points, ${compared.logs} log records`,
  )
})

async function run(sink: TelemetrySink, call: () => Promise<unknown>, before?: () => void) {
  before?.()
  await call().catch(() => {})
  return sink.collect()
}

describe.each([false, true])(
  'official instrumentation vs withTelemetry (captureMessageContent: %s)',
  (capture) => {
    it.each(rows.map((r) => [r.name, r] as const))('%s', async (_, row) => {
      const { OpenAI } = instrumentedOpenAI()
      const officialSink = telemetrySink()
      useSink(officialSink, capture)
      const openai = new OpenAI({ apiKey: 'sk-test', baseURL: mock.baseURL, maxRetries: row.maxRetries ?? 0 })
      const expected = await run(officialSink, () => row.official(openai), row.before)

      const oursSink = telemetrySink()
      const base = row.maxRetries ? createClient({ ...client.options, maxRetries: row.maxRetries }) : client
      const ours = withTelemetry(base, {
        tracerProvider: oursSink.tracerProvider,
        meterProvider: oursSink.meterProvider,
        loggerProvider: oursSink.loggerProvider,
        captureMessageContent: capture,
      })
      const actual = await run(oursSink, () => row.ours(ours), row.before)

      if (row.statusMessage)
        for (const span of [...expected.spans, ...actual.spans] as any[]) {
          expect(span.status.message).toMatch(row.statusMessage)
          delete span.status.message
        }
      for (const [key, value] of Object.entries(row.oursOnly ?? {}))
        for (const span of actual.spans as any[]) {
          expect(span.attributes[key]).toEqual(value)
          delete span.attributes[key]
        }
      expect(expected.spans.length).toBeGreaterThan(0)
      expect(expected.points.length).toBeGreaterThan(0)
      expect(actual.spans).toEqual(expected.spans)
      expect(actual.points).toEqual(expected.points)
      expect(actual.logs).toEqual(expected.logs)
      compared.spans += actual.spans.length
      compared.points += actual.points.length
      compared.logs += actual.logs.length
    })
  },
)

it('the official client is the v6 the instrumentation supports', () => {
  const { OpenAI } = instrumentedOpenAI()
  expect(createClient).toBeTypeOf('function')
  expect(new OpenAI({ apiKey: 'sk-test' }).chat.completions.create.__wrapped).toBe(true)
})
