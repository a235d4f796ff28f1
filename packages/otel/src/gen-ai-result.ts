import type { Attributes, Histogram, Span } from '@opentelemetry/api'
import type { GenAIKind, GenAIStart } from './gen-ai-request'

/** The two histograms of the GenAI semantic conventions. */
export interface GenAIInstruments {
  duration: Histogram
  tokens: Histogram
}

/** Receives a call's answer as it arrives (for the message-content log events). */
export interface AnswerSink {
  result?(data: unknown): void
  event?(item: unknown): void
  end?(): void
}

/** One GenAI call in flight: its span and the ways to record what its answer says. */
export interface GenAICall {
  kind: GenAIKind
  span: Span
  sink: AnswerSink | undefined
  /** The response model, once known; metric points carry it. */
  model?: string
  usage(input: number | undefined, output: number | undefined, always: boolean): void
  /** Records a `gen_ai.client.operation.duration` point with the call's attributes and `extra`. */
  duration(extra: Attributes): void
  /** Records the duration and ends the span. */
  done(): void
}

/**
 * Records what `@opentelemetry/instrumentation-openai` derives from an answer: token usage (span attributes and
 * `gen_ai.client.token.usage` points) and `gen_ai.client.operation.duration`.
 */
export function genAICall(
  { kind, common }: GenAIStart,
  span: Span,
  meters: GenAIInstruments,
  started: number,
  sink?: AnswerSink,
): GenAICall {
  const call: GenAICall = {
    kind,
    span,
    sink,
    usage(input, output, always) {
      for (const [value, type] of [
        [input, 'input'],
        [output, 'output'],
      ] as const) {
        if (value != null) span.setAttribute(`gen_ai.usage.${type}_tokens`, value)
        if (value || (always && value != null))
          meters.tokens.record(value, {
            ...common,
            'gen_ai.response.model': call.model,
            'gen_ai.token.type': type,
          })
      }
    },
    duration: (extra) =>
      meters.duration.record((performance.now() - started) / 1000, { ...common, ...extra }),
    done() {
      call.duration({ 'gen_ai.response.model': call.model })
      span.end()
    },
  }
  return call
}

/** Records a plain (not streamed) answer and ends the span. Embeddings and Responses load their part on first use. */
export async function recordResult(call: GenAICall, data: any): Promise<void> {
  const { span } = call
  call.sink?.result?.(data)
  span.setAttribute('gen_ai.response.model', (call.model = data.model))
  if (call.kind === 'chat') {
    span.setAttributes({
      'gen_ai.response.id': data.id,
      'gen_ai.response.finish_reasons': data.choices?.map((c: any) => c.finish_reason),
    })
    if (data.usage) call.usage(data.usage.prompt_tokens, data.usage.completion_tokens, true)
  } else (await import('./embeddings-responses')).recordAnswer(call, data)
  call.done()
}
