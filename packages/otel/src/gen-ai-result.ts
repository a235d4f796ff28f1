import type { Attributes, Histogram, Span } from '@opentelemetry/api'
import type { GenAIKind, GenAIStart } from './gen-ai-request'
import { errorType, failSpan } from './span-error'

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
  finish(output: any[]): void
  /** Records the duration and ends the span. */
  done(): void
  fail(error: unknown): void
}

/**
 * Records what `@opentelemetry/instrumentation-openai` derives from an answer: token usage (span attributes and
 * `gen_ai.client.token.usage` points), the finish reason of a response, and `gen_ai.client.operation.duration`.
 */
export function genAICall(
  { kind, common }: GenAIStart,
  span: Span,
  meters: GenAIInstruments,
  started: number,
  sink?: AnswerSink,
): GenAICall {
  const duration = (extra: Attributes) =>
    meters.duration.record((performance.now() - started) / 1000, { ...common, ...extra })
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
    finish(output) {
      const reason = finishReason(output)
      if (reason) span.setAttribute('gen_ai.response.finish_reasons', [reason])
    },
    done() {
      duration({ 'gen_ai.response.model': call.model })
      span.end()
    },
    fail(error) {
      const type = errorType(error)
      duration({ 'error.type': type })
      failSpan(span, error, type)
    },
  }
  return call
}

/** Records a plain (not streamed) answer and ends the span. */
export function recordResult(call: GenAICall, data: any): void {
  const { span } = call
  call.sink?.result?.(data)
  span.setAttribute('gen_ai.response.model', (call.model = data.model))
  if (call.kind === 'embeddings') call.usage(data.usage?.prompt_tokens, undefined, true)
  else {
    span.setAttribute('gen_ai.response.id', data.id)
    if (call.kind === 'chat') {
      span.setAttribute(
        'gen_ai.response.finish_reasons',
        data.choices?.map((c: any) => c.finish_reason),
      )
      if (data.usage) call.usage(data.usage.prompt_tokens, data.usage.completion_tokens, true)
    } else {
      if (data.conversation) span.setAttribute('gen_ai.conversation.id', data.conversation.id)
      if (data.usage) call.usage(data.usage.input_tokens, data.usage.output_tokens, true)
      call.finish(data.output ?? [])
    }
  }
  call.done()
}

/**
 * The official instrumentation turns the output into message parts and reports `tool_call` when the last part
 * is a tool call, else `stop`; items without parts (a message with no text, an empty reasoning) do not count.
 * `undefined` for an item type it does not know (it records no finish reason then).
 */
function finishReason(output: any[]): string | undefined {
  let last = 'stop'
  for (const item of output) {
    const t = item.type
    if (/^(function|custom_tool|web_search|computer|local_shell)_call$|^mcp_approval_request$/.test(t))
      last = 'tool_call'
    else if (t === 'file_search_call') last = item.results?.length ? 'stop' : 'tool_call'
    else if (t === 'code_interpreter_call')
      last = item.outputs?.some((o: any) => /^(image|logs)$/.test(o.type)) ? 'stop' : 'tool_call'
    else if (
      t === 'message'
        ? item.content?.some((c: any) => /^(output_text|refusal)$/.test(c.type))
        : t === 'reasoning'
          ? (item.summary?.length ?? 0) + (item.content?.length ?? 0)
          : /^(image_generation_call|mcp_call|mcp_list_tools)$/.test(t)
    )
      last = 'stop'
    else if (t !== 'message' && t !== 'reasoning') return
  }
  return last
}
