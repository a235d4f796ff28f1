// In-memory OpenTelemetry SDK for the telemetry oracle: fresh tracer, meter and logger providers per run, and
// the official client v6 patched by @opentelemetry/instrumentation-openai (loaded through `require`, then patched
// with the instrumentation's own module definition, as its `require` hook would do for a package named `openai`).
import { createRequire } from 'node:module'
import { OpenAIInstrumentation } from '@opentelemetry/instrumentation-openai'
import { InMemoryLogRecordExporter, LoggerProvider, SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs'
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics'
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base'

const require = createRequire(import.meta.url)

export interface TelemetrySink {
  tracerProvider: BasicTracerProvider
  meterProvider: MeterProvider
  loggerProvider: LoggerProvider
  /** Finished spans, metric points and log records, normalised for comparison (ids, times, durations). */
  collect(): Promise<{ spans: unknown[]; points: unknown[]; logs: unknown[] }>
}

export function telemetrySink(): TelemetrySink {
  const spans = new InMemorySpanExporter()
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] })
  const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE)
  const reader = new PeriodicExportingMetricReader({
    exporter: metricExporter,
    exportIntervalMillis: 3_600_000,
  })
  const meterProvider = new MeterProvider({ readers: [reader] })
  const logs = new InMemoryLogRecordExporter()
  const loggerProvider = new LoggerProvider({
    processors: [new SimpleLogRecordProcessor({ exporter: logs })],
  })
  return {
    tracerProvider,
    meterProvider,
    loggerProvider,
    async collect() {
      await reader.forceFlush()
      const finished = spans.getFinishedSpans()
      const spanIds = finished.map((s) => s.spanContext().spanId)
      const points = metricExporter
        .getMetrics()
        .flatMap((r) => r.scopeMetrics.flatMap((s) => s.metrics))
        .flatMap((m) =>
          m.dataPoints.map((p: any) => ({
            name: m.descriptor.name,
            description: m.descriptor.description,
            unit: m.descriptor.unit,
            type: (m.descriptor as any).type,
            attributes: normalise(p.attributes),
            count: p.value.count,
            boundaries: p.value.buckets.boundaries,
            // Token counts are exact; durations differ from run to run, so only their count is compared.
            ...(m.descriptor.name === 'gen_ai.client.token.usage'
              ? { sum: p.value.sum, min: p.value.min, max: p.value.max, buckets: p.value.buckets.counts }
              : {}),
          })),
        )
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
      return {
        spans: finished.map((s) => ({
          name: s.name,
          kind: s.kind,
          status: s.status,
          attributes: normalise(s.attributes),
          parent: s.parentSpanContext?.spanId,
        })),
        points,
        logs: logs.getFinishedLogRecords().map((l) => ({
          eventName: l.eventName,
          severityNumber: l.severityNumber,
          attributes: normalise(l.attributes),
          body: normalise(l.body),
          // Which of this run's spans the record belongs to (by position), not the random id.
          span: spanIds.indexOf(l.spanContext?.spanId as string),
        })),
      }
    },
  }
}

/** Response ids from the mock count up per call; compare their shape, not their number. */
function normalise(value: any): any {
  if (typeof value === 'string')
    return value.replace(/^(chatcmpl-mock_|resp_mock_|msg_mock_|fc_mock_|call_mock_)\w+$/, '$1N')
  if (Array.isArray(value)) return value.map(normalise)
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, normalise(v)]),
    )
  return value
}

let instrumentation: OpenAIInstrumentation | undefined
let OpenAIv6: any

/** The official client v6 class, its `create` methods patched by the official instrumentation. */
export function instrumentedOpenAI(): { OpenAI: any; instrumentation: OpenAIInstrumentation } {
  if (!instrumentation) {
    instrumentation = new OpenAIInstrumentation()
    const module = require('openai-v6')
    const version = require('openai-v6/version').VERSION
    instrumentation.getModuleDefinitions()[0].patch?.(module, version)
    OpenAIv6 = module.OpenAI
  }
  return { OpenAI: OpenAIv6, instrumentation }
}

/** Points the official instrumentation at a sink's providers, with or without message content. */
export function useSink(sink: TelemetrySink, captureMessageContent: boolean): void {
  const { instrumentation } = instrumentedOpenAI()
  instrumentation.setConfig({ captureMessageContent })
  instrumentation.setTracerProvider(sink.tracerProvider)
  instrumentation.setMeterProvider(sink.meterProvider)
  instrumentation.setLoggerProvider(sink.loggerProvider)
}
