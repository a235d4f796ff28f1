// @acme/openai-otel on every runtime: spans and metric points for a plain and a streamed chat completion, and a
// plain client span for another call, recorded by a minimal tracer and meter provider the app passes in (no SDK).

import { createChatCompletion } from '@acme/openai-chat'
import { createClient, request } from '@acme/openai-core'
import { withTelemetry } from '@acme/openai-otel'
import { checklist, equal } from './checklist.js'

const model = 'gpt-4o-mini'

/** A tracer and a meter provider that keep what they are given, as far as `@opentelemetry/api` asks. */
function recordingProviders() {
  const spans = []
  const points = []
  const context = { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags: 1 }
  const startSpan = (name, options = {}) => {
    const span = {
      name,
      kind: options.kind,
      attributes: { ...options.attributes },
      events: [],
      status: undefined,
      spanContext: () => context,
      isRecording: () => true,
      setAttribute(key, value) {
        this.attributes[key] = value
        return this
      },
      setAttributes(attributes) {
        Object.assign(this.attributes, attributes)
        return this
      },
      addEvent(eventName, attributes) {
        this.events.push({ name: eventName, attributes })
        return this
      },
      setStatus(status) {
        this.status = status
        return this
      },
      updateName() {
        return this
      },
      recordException() {},
      end() {
        spans.push(this)
      },
    }
    return span
  }
  const createHistogram = (name) => ({
    record: (value, attributes) => points.push({ name, value, attributes }),
  })
  return {
    tracerProvider: { getTracer: () => ({ startSpan }) },
    meterProvider: { getMeter: () => ({ createHistogram }) },
    spans,
    points,
  }
}

/** Runs the telemetry checks against the mock server at `baseURL`; throws on the first failure. */
export async function smoke({ baseURL, apiKey }) {
  const list = checklist()
  const base = createClient({ apiKey, baseURL, maxRetries: 0, dangerouslyAllowBrowser: true })
  const port = Number(new URL(baseURL).port)

  await list.check('a chat completion gets the GenAI span and metric points', async () => {
    const p = recordingProviders()
    const client = withTelemetry(base, p)
    await createChatCompletion(client, {
      model,
      messages: [{ role: 'user', content: 'Hi otel' }],
      temperature: 0,
    })
    const [span] = p.spans
    equal(
      [p.spans.length, span.name, span.kind, span.status],
      [1, `chat ${model}`, 2, undefined],
      'span name, kind, status',
    )
    const a = span.attributes
    equal(
      [a['gen_ai.system'], a['gen_ai.request.temperature'], a['server.address'], a['server.port']],
      ['openai', 0, '127.0.0.1', port],
      'request attributes',
    )
    equal(
      [
        typeof a['gen_ai.response.id'],
        a['gen_ai.response.finish_reasons'],
        a['gen_ai.usage.output_tokens'] > 0,
      ],
      ['string', ['stop'], true],
      'response attributes',
    )
    equal(
      p.points.map((point) => point.name).sort(),
      ['gen_ai.client.operation.duration', 'gen_ai.client.token.usage', 'gen_ai.client.token.usage'],
      'metric points',
    )
  })

  await list.check(
    'a streamed chat completion ends its span at the end of the stream, with the usage',
    async () => {
      const p = recordingProviders()
      const stream = await createChatCompletion(withTelemetry(base, p), {
        model,
        messages: [{ role: 'user', content: 'Hi stream' }],
        stream: true,
        stream_options: { include_usage: true },
      })
      equal(p.spans.length, 0, 'spans before reading')
      for await (const _ of stream);
      const a = p.spans[0].attributes
      equal(
        [a['gen_ai.response.finish_reasons'], a['gen_ai.usage.input_tokens'] > 0],
        [['stop'], true],
        'usage',
      )
    },
  )

  await list.check('another call gets a plain client span with the HTTP facts', async () => {
    const p = recordingProviders()
    await request(withTelemetry(base, p), { method: 'get', path: '/models', operation: 'listModels' })
    const [span] = p.spans
    equal(
      [span.name, span.attributes['http.request.method'], span.attributes['http.response.status_code']],
      ['listModels', 'GET', 200],
      'plain span',
    )
  })

  return list.report()
}
