// @acme/openai-otel: spans and gen_ai.* metrics for a chat completion, a streamed response and a plain call, into
// in-memory exporters (an app would use the OpenTelemetry Node SDK with an OTLP exporter instead).
import { createChatCompletion } from '@acme/openai-chat'
import { withTelemetry } from '@acme/openai-otel'
import { createResponse } from '@acme/openai-responses'
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics'
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base'

export default async function otelTour({ client, log }) {
  const spans = new InMemorySpanExporter()
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] })
  const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE)
  const reader = new PeriodicExportingMetricReader({ exporter: metricExporter, exportIntervalMillis: 60_000 })
  const meterProvider = new MeterProvider({ readers: [reader] })

  const traced = withTelemetry(client, { tracerProvider, meterProvider })
  await createChatCompletion(traced, { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] })
  const stream = await createResponse(traced, { model: 'gpt-4o-mini', input: 'Stream a haiku', stream: true })
  for await (const _ of stream); // the span ends with the stream
  const [chat, streamed] = spans.getFinishedSpans()
  log('Chat span (name and attributes)', { name: chat.name, attributes: chat.attributes })
  log('Streamed Responses span: usage from the last event', {
    name: streamed.name,
    input_tokens: streamed.attributes['gen_ai.usage.input_tokens'],
    output_tokens: streamed.attributes['gen_ai.usage.output_tokens'],
  })

  await reader.forceFlush()
  const points = metricExporter
    .getMetrics()
    .flatMap((r) => r.scopeMetrics.flatMap((s) => s.metrics))
    .flatMap((m) =>
      m.dataPoints.map(
        (p) => `${m.descriptor.name} ${p.attributes['gen_ai.token.type'] ?? ''} count=${p.value.count}`,
      ),
    )
  log('Metric points (gen_ai.client.operation.duration, gen_ai.client.token.usage)', points.join('\n'))
  await tracerProvider.shutdown()
  await meterProvider.shutdown()
}
