import {
  buildURL,
  type CallInterceptor,
  type Client,
  type ClientHooks,
  observeStream,
  readEnv,
  type Stream,
  type StreamObserver,
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
import { errorType, failHttpSpan } from './span-error'
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
    try {
      const { spec } = call
      const { baseURL } = call.client
      const server = serverAttributes(baseURL)
      const started = performance.now()
      const tracer = (options.tracerProvider ?? trace.getTracerProvider()).getTracer(SCOPE, VERSION)
      // The caller's params where the operation gives them (createEmbedding fills in `encoding_format`), as the
      // official instrumentation reads them.
      const params = spec.params ?? spec.body
      const start = genAIStart(spec.method, spec.path, params, server)
      // Loaded only when log events are wanted, so apps without them do not ship the converters.
      const content = start && options.loggerProvider ? await import('./message-content') : undefined
      // Only plain HTTP spans carry the URL. Loaded on first use, like core's hooks chunk that shares this file:
      // imported statically, it would load up front in every app (bundlers split by file).
      const redact = start ? undefined : await import('@acme/openai-core/redact')
      const method = spec.method.toUpperCase()
      span = tracer.startSpan(start ? start.name : (call.operation ?? method), {
        kind: SpanKind.CLIENT,
        attributes: start
          ? start.attributes
          : {
              'http.request.method': method,
              ...server,
              'url.full': redact!.redactURL(buildURL(baseURL, spec.path)),
              // The operation (`uploadFile`); absent for a bare `request()`.
              ...(call.operation && { 'code.function.name': call.operation }),
            },
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
      quietly(() => (genAI ? genAI.fail(error) : failHttpSpan(span, error)))
      throw error
    } finally {
      inFlight.delete(call.logId)
    }
    if (!genAI) span.setAttribute('http.response.status_code', result.response.status)
    if (call.spec.stream) {
      const end = () => span.end()
      let observer: StreamObserver<unknown> = {
        onEnd: end,
        onCancel: end,
        onError: (e) => failHttpSpan(span, e),
      }
      try {
        if (genAI) observer = (await import('./gen-ai-stream')).genAIStreamObserver(genAI)
      } catch {
        // The stream still reaches the caller; its span ends with it, without the GenAI attributes.
      }
      return { ...result, data: observeStream(result.data as Stream<unknown>, observer) }
    }
    quietly(() => (genAI ? recordResult(genAI, result.data) : span.end()))
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

function quietly(fn: () => void): void {
  try {
    fn()
  } catch {}
}
