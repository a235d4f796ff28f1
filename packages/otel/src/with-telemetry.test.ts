import { createChatCompletion } from '@acme/openai-chat'
import { createClient, request } from '@acme/openai-core'
import { listFiles } from '@acme/openai-files'
import { createResponse } from '@acme/openai-responses'
import { context, metrics, SpanStatusCode, trace } from '@opentelemetry/api'
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks'
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics'
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { client, mock, useMockClient } from '../../../tests/support/mock-client'
import { withTelemetry } from './with-telemetry'

useMockClient()

function providers() {
  const spans = new InMemorySpanExporter()
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] })
  const exporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE)
  const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 })
  const meterProvider = new MeterProvider({ readers: [reader] })
  const points = async () => {
    await reader.forceFlush()
    return exporter.getMetrics().flatMap((r) => r.scopeMetrics.flatMap((s) => s.metrics))
  }
  return { tracerProvider, meterProvider, finished: () => spans.getFinishedSpans(), points }
}

const hi = { model: 'gpt-5.4', messages: [{ role: 'user' as const, content: 'hi' }] }

afterEach(() => {
  vi.unstubAllEnvs()
  trace.disable()
  metrics.disable()
  context.disable()
})

describe('withTelemetry', () => {
  it('returns a client every operation accepts, keeping the original options', async () => {
    const p = providers()
    const traced = withTelemetry(client, p)
    expect(traced.baseURL).toBe(client.baseURL)
    expect(traced.maxRetries).toBe(0)
    expect(client.interceptors).toBeUndefined()
    const completion = await createChatCompletion(traced, hi)
    expect(completion.choices[0].message.content).toBe('Hello! You said: hi')
    expect(p.finished().map((s) => s.name)).toEqual(['chat gpt-5.4'])
  })

  it('gives calls outside the GenAI conventions a plain client span with the operation and HTTP facts', async () => {
    const p = providers()
    await listFiles(withTelemetry(client, p), { purpose: 'batch' })
    const [span] = p.finished()
    expect(span.name).toBe('listFiles')
    expect(span.kind).toBe(2)
    expect(span.attributes).toEqual({
      'http.request.method': 'GET',
      'server.address': '127.0.0.1',
      'server.port': Number(new URL(mock.baseURL).port),
      'url.full': `${mock.baseURL}/files`,
      'code.function.name': 'listFiles',
      'http.response.status_code': 200,
    })
    expect(await p.points()).toEqual([])
  })

  it('marks a failed plain call with its status and error type', async () => {
    const p = providers()
    mock.enqueueFault({ status: 404 })
    await expect(request(withTelemetry(client, p), { method: 'get', path: '/models/x' })).rejects.toThrow()
    const [span] = p.finished()
    expect(span.name).toBe('GET')
    expect(span.status.code).toBe(SpanStatusCode.ERROR)
    expect(span.attributes['error.type']).toBe('NotFoundError')
    expect(span.attributes['http.response.status_code']).toBe(404)
  })

  it('keeps the span active while the request runs, so the fetch sees it as its parent', async () => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable())
    const p = providers()
    let active: string | undefined
    const fetchSpy: typeof fetch = (url, init) => {
      active = trace.getActiveSpan()?.spanContext().spanId
      return fetch(url, init)
    }
    const traced = withTelemetry(createClient({ ...client.options, fetch: fetchSpy }), p)
    const parent = p.tracerProvider.getTracer('app').startSpan('handler')
    await context.with(trace.setSpan(context.active(), parent), () => createChatCompletion(traced, hi))
    parent.end()
    const [call] = p.finished()
    expect(active).toBe(call.spanContext().spanId)
    expect(call.parentSpanContext?.spanId).toBe(parent.spanContext().spanId)
  })

  it('records each retry as an event with its attempt number, and still calls the app hook', async () => {
    const p = providers()
    const onRetry = vi.fn()
    const retrying = createClient({ ...client.options, maxRetries: 2, hooks: { onRetry } })
    mock.enqueueFault({ status: 500, times: 2, headers: { 'retry-after-ms': '1' } })
    await createChatCompletion(withTelemetry(retrying, p), hi)
    const [span] = p.finished()
    expect(span.events.map((e) => [e.name, e.attributes])).toEqual([
      ['retry', { 'http.request.resend_count': 1, 'http.response.status_code': 500 }],
      ['retry', { 'http.request.resend_count': 2, 'http.response.status_code': 500 }],
    ])
    expect(span.status.code).toBe(SpanStatusCode.UNSET)
    expect(onRetry).toHaveBeenCalledTimes(2)
  })

  it('ends a streamed span when the consumer stops early, without an error', async () => {
    const p = providers()
    const stream = await createChatCompletion(withTelemetry(client, p), { ...hi, stream: true })
    expect(p.finished()).toEqual([])
    for await (const _ of stream) break
    const [span] = p.finished()
    expect(span.status.code).toBe(SpanStatusCode.UNSET)
    expect(span.attributes['gen_ai.response.id']).toMatch(/^chatcmpl-/)
    const [duration] = await p.points()
    expect(duration.descriptor.name).toBe('gen_ai.client.operation.duration')
  })

  it('ends a streamed span with the error when the stream fails midway', async () => {
    const p = providers()
    const stream = await createChatCompletion(withTelemetry(client, p), {
      ...hi,
      messages: [{ role: 'user', content: 'trigger error' }],
      stream: true,
    })
    await expect(async () => {
      for await (const _ of stream);
    }).rejects.toThrow()
    const [span] = p.finished()
    expect(span.status.code).toBe(SpanStatusCode.ERROR)
    expect(span.attributes['error.type']).toBe('APIError')
    const [duration] = await p.points()
    expect(duration.dataPoints[0].attributes['error.type']).toBe('APIError')
  })

  it('ends the span of a streamed call whose request fails (Responses too)', async () => {
    const p = providers()
    mock.enqueueFault({ status: 503 })
    await expect(
      createResponse(withTelemetry(client, p), { model: 'gpt-5.4', input: 'hi', stream: true }),
    ).rejects.toThrow()
    const [span] = p.finished()
    expect([span.name, span.status.code, span.attributes['error.type']]).toEqual([
      'chat gpt-5.4',
      SpanStatusCode.ERROR,
      'InternalServerError',
    ])
  })

  it('ends the plain span of a streamed call that is not a GenAI one when the stream ends', async () => {
    const p = providers()
    const stream = await request<AsyncIterable<unknown>>(withTelemetry(client, p), {
      method: 'get',
      path: '/sse',
      query: { count: 3 },
      stream: true,
    })
    expect(p.finished()).toEqual([])
    let n = 0
    for await (const _ of stream) n++
    expect(n).toBe(3)
    const [span] = p.finished()
    expect([span.name, span.attributes['http.response.status_code'], span.status.code]).toEqual([
      'GET',
      200,
      SpanStatusCode.UNSET,
    ])
  })

  it('uses the global providers when none is given, read at call time', async () => {
    const traced = withTelemetry(client)
    const p = providers()
    trace.setGlobalTracerProvider(p.tracerProvider)
    metrics.setGlobalMeterProvider(p.meterProvider)
    await createChatCompletion(traced, hi)
    expect(p.finished()).toHaveLength(1)
    expect((await p.points()).map((m) => m.descriptor.name).sort()).toEqual([
      'gen_ai.client.operation.duration',
      'gen_ai.client.token.usage',
    ])
  })

  it('never fails a call because telemetry fails', async () => {
    const broken = {
      getTracer: () => ({
        startSpan: () => {
          throw new Error('exporter down')
        },
      }),
    } as any
    const completion = await createChatCompletion(withTelemetry(client, { tracerProvider: broken }), hi)
    expect(completion.object).toBe('chat.completion')
  })

  it('captures message content from the environment variable the official instrumentation reads', async () => {
    vi.stubEnv('OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT', 'true')
    const records: any[] = []
    const loggerProvider = { getLogger: () => ({ emit: (r: any) => records.push(r) }) }
    await createChatCompletion(withTelemetry(client, { ...providers(), loggerProvider }), hi)
    expect(records.map((r) => [r.attributes['event.name'], r.body])).toEqual([
      ['gen_ai.user.message', { content: 'hi' }],
      ['gen_ai.choice', { finish_reason: 'stop', index: 0, message: { content: 'Hello! You said: hi' } }],
    ])
    records.length = 0
    await createChatCompletion(
      withTelemetry(client, { ...providers(), loggerProvider, captureMessageContent: false }),
      hi,
    )
    expect(records.map((r) => r.body)).toEqual([{}, { finish_reason: 'stop', index: 0, message: {} }])
  })
})
