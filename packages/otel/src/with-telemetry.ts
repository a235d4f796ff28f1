import {
  buildURL,
  type CallInterceptor,
  type Client,
  type ClientHooks,
  observeStream,
  readEnv,
  type Stream,
  withOptions,
} from '@acme/openai-core'
import {
  type Attributes,
  context,
  type MeterProvider,
  metrics,
  type Span,
  SpanKind,
  type TracerProvider,
  trace,
} from '@opentelemetry/api'
import { genAIStart, serverAttributes } from './gen-ai-request'
import { type GenAICall, type GenAIInstruments, genAICall, recordResult } from './gen-ai-result'
import { instruments } from './instruments'
import type { LoggerProviderLike } from './message-content'
import { SCOPE, VERSION } from './version'

export interface TelemetryOptions {
  /** Defaults to the global one (`trace.getTracerProvider()` of `@opentelemetry/api`), read at each call. */
  tracerProvider?: TracerProvider
  /** Defaults to the global one (`metrics.getMeterProvider()`), read at each call. */
  meterProvider?: MeterProvider
  /**
   * Where the prompt and completion log events go (`gen_ai.user.message`, `gen_ai.choice`,
   * `gen_ai.client.inference.operation.details`), in the official instrumentation's shape: e.g.
   * `logs.getLoggerProvider()` of `@opentelemetry/api-logs`, or an SDK `LoggerProvider`. Without it, none.
   */
  loggerProvider?: LoggerProviderLike
  /**
   * Put message content (prompts, completions, tool arguments) in the log events. Defaults to the
   * `OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT` environment variable (`true`/`false`), else `false`.
   */
  captureMessageContent?: boolean
}

/**
 * The same client with OpenTelemetry attached: a `CLIENT` span for every call (active while the request runs,
 * so HTTP instrumentation nests under it), and for chat completions, embeddings and responses the spans,
 * attributes and `gen_ai.client.*` metrics `@opentelemetry/instrumentation-openai` records for the official
 * client. Streamed calls end their span when the stream ends, fails or is cancelled. Retries are span events.
 *
 * @example
 * const client = withTelemetry(createClient())
 * await createChatCompletion(client, { model: 'gpt-5.4', messages: [{ role: 'user', content: 'Hi' }] })
 */
export function withTelemetry(client: Client, options: TelemetryOptions = {}): Client {
  const env = readEnv('OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT')?.toLowerCase()
  const capture = options.captureMessageContent ?? env === 'true'
  // Spans of calls in flight, by the id core's hooks carry, so a retry lands on its call's span.
  const inFlight = new Map<string, Span>()
  let meters: [MeterProvider, GenAIInstruments] | undefined

  const interceptor: CallInterceptor = async (call, next) => {
    let span: Span
    let genAI: GenAICall | undefined
    // Plain client spans (calls outside the GenAI conventions) load their code on first use.
    let http: typeof import('./http-span') | undefined
    try {
      const { spec } = call
      const server = serverAttributes(call.client.baseURL)
      const started = performance.now()
      const tracer = (options.tracerProvider ?? trace.getTracerProvider()).getTracer(SCOPE, VERSION)
      // The caller's params where the operation gives them (createEmbedding fills in `encoding_format`), as the
      // official instrumentation reads them.
      const params = spec.params ?? spec.body
      const start = await genAIStart(spec.method, spec.path, params, server)
      // Loaded only when log events are wanted, so apps without them do not ship the converters.
      const content = start && options.loggerProvider ? await import('./message-content') : undefined
      if (!start) http = await import('./http-span')
      const method = spec.method.toUpperCase()
      span = tracer.startSpan(start ? start.name : (call.operation ?? method), {
        kind: SpanKind.CLIENT,
        attributes: start
          ? start.attributes
          : http!.httpAttributes(call, server, method, buildURL(call.client.baseURL, spec.path)),
      })
      if (start) {
        const provider = options.meterProvider ?? metrics.getMeterProvider()
        if (meters?.[0] !== provider) meters = [provider, instruments(provider.getMeter(SCOPE, VERSION))]
        const sink = content?.contentEvents(
          start.kind,
          params,
          options.loggerProvider!.getLogger(SCOPE, VERSION),
          trace.setSpan(context.active(), span),
          capture,
        )
        genAI = genAICall(start, span, meters[1], started, sink)
      }
    } catch {
      return next()
    }

    inFlight.set(call.logId, span)
    let result: Awaited<ReturnType<typeof next>>
    try {
      result = await context.with(trace.setSpan(context.active(), span), next)
    } catch (error) {
      // Failures load their code on first use; the span has ended when the caller sees the error.
      try {
        ;(await import('./span-error')).failSpan(span, error, errorType, genAI)
      } catch {}
      throw error
    } finally {
      inFlight.delete(call.logId)
    }
    if (http) span.setAttribute('http.response.status_code', result.response.status)
    try {
      if (call.spec.stream) {
        const observer = http
          ? http.httpStreamObserver(span, errorType)
          : (await import('./gen-ai-stream')).genAIStreamObserver(genAI!, errorType)
        return { ...result, data: observeStream(result.data as Stream<unknown>, observer) }
      }
      await (http ? span.end() : recordResult(genAI!, result.data))
    } catch {
      // The answer still reaches the caller. A stream whose observer could not load ends its span now.
      if (call.spec.stream) span.end()
    }
    return result
  }

  const hooks: ClientHooks | undefined = client.hooks
  return withOptions(client, {
    interceptors: [interceptor, ...(client.interceptors ?? [])],
    hooks: {
      ...hooks,
      onRetry(info) {
        const attributes: Attributes = { 'http.request.resend_count': info.attempt + 1 }
        if (info.status) attributes['http.response.status_code'] = info.status
        if (info.error) attributes['error.type'] = errorType(info.error)
        inFlight.get(info.logId)?.addEvent('retry', attributes)
        hooks?.onRetry?.(info)
      },
    },
  })
}

/**
 * The error's class name (`RateLimitError`, `APIConnectionError`), the low-cardinality `error.type` the official
 * instrumentation records. Core's errors carry it as `name`, which survives minification; class names may not.
 */
function errorType(error: unknown): string {
  return (error as any)?.name || 'Error'
}
