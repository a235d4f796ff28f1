import type { Attributes, Histogram, Span } from '@opentelemetry/api'
import type { GenAIStart } from './gen-ai-request'
import { errorType, failSpan } from './span-error'

/** The two histograms of the GenAI semantic conventions. */
export interface GenAIInstruments {
  duration: Histogram
  tokens: Histogram
}

/** Told about one GenAI call's outcome; each method is called at most once, except `event`. */
export interface CallRecorder {
  /** A plain (not streamed) result. */
  result(data: unknown, response: Response): void
  /** A streamed item (chunk or event). */
  event(item: any): void
  /** The stream ended, normally or because the consumer stopped. */
  end(): void
  error(error: unknown): void
}

/**
 * Records the attributes and metric points `@opentelemetry/instrumentation-openai` derives from a result or a
 * stream, then ends the span. `sink` gets the same calls (for message-content log events).
 */
export function genAIRecorder(
  start: GenAIStart,
  span: Span,
  meters: GenAIInstruments,
  started: number,
  sink?: Partial<CallRecorder>,
): CallRecorder {
  const { kind, common } = start
  let model: string | undefined
  let id: string | undefined
  const finish: (string | undefined)[] = []
  const seconds = () => (performance.now() - started) / 1000
  const tokens = (value: number, type: string) =>
    meters.tokens.record(value, {
      ...common,
      'gen_ai.response.model': model,
      'gen_ai.token.type': type,
    } as Attributes)
  const duration = () =>
    meters.duration.record(seconds(), { ...common, 'gen_ai.response.model': model } as Attributes)
  const usage = (input: number | undefined, output: number | undefined, whenZero: boolean) => {
    span.setAttributes({ 'gen_ai.usage.input_tokens': input, 'gen_ai.usage.output_tokens': output })
    if (input || (whenZero && input != null)) tokens(input!, 'input')
    if (output || (whenZero && output != null)) tokens(output!, 'output')
  }
  const setFinish = (output: any[]) => {
    const reason = responsesFinishReason(output)
    if (reason) span.setAttribute('gen_ai.response.finish_reasons', [reason])
  }

  return {
    result(data: any, response) {
      sink?.result?.(data, response)
      model = data?.model
      span.setAttribute('gen_ai.response.model', model as string)
      if (kind === 'chat') {
        span.setAttributes({
          'gen_ai.response.finish_reasons': data.choices?.map((c: any) => c.finish_reason),
          'gen_ai.response.id': data.id,
        })
        if (data.usage) usage(data.usage.prompt_tokens, data.usage.completion_tokens, true)
      } else if (kind === 'embeddings') {
        span.setAttribute('gen_ai.usage.input_tokens', data.usage?.prompt_tokens)
        if (data.usage) tokens(data.usage.prompt_tokens, 'input')
      } else {
        if (data.conversation) span.setAttribute('gen_ai.conversation.id', data.conversation.id)
        span.setAttribute('gen_ai.response.id', data.id)
        if (data.usage) usage(data.usage.input_tokens, data.usage.output_tokens, true)
        setFinish(data.output ?? [])
      }
      duration()
      span.end()
    },
    event(item: any) {
      sink?.event?.(item)
      if (kind === 'chat') {
        const choice = item.choices?.[0]
        const index = choice?.index ?? 0
        if (!id && item.id) span.setAttribute('gen_ai.response.id', (id = item.id as string))
        if (!model && item.model) span.setAttribute('gen_ai.response.model', (model = item.model as string))
        if (!finish[index] && choice?.finish_reason) finish[index] = choice.finish_reason
        // The last chunk carries the usage when `stream_options.include_usage` is set.
        if (item.usage) usage(item.usage.prompt_tokens, item.usage.completion_tokens, true)
      } else if (item.type === 'response.created') {
        model = item.response.model
        span.setAttributes({
          'gen_ai.response.id': item.response.id,
          'gen_ai.response.model': model,
          'gen_ai.conversation.id': item.response.conversation?.id,
        })
      } else if (item.type === 'response.output_item.done') {
        setFinish([item.item])
      } else if (item.type === 'response.completed' || item.type === 'response.incomplete') {
        const u = item.response?.usage
        usage(u?.input_tokens, u?.output_tokens, false)
      }
    },
    end() {
      sink?.end?.()
      if (kind === 'chat')
        span.setAttribute(
          'gen_ai.response.finish_reasons',
          finish.filter((f) => f !== undefined),
        )
      duration()
      span.end()
    },
    error(error) {
      const type = errorType(error)
      meters.duration.record(seconds(), { ...common, 'error.type': type })
      failSpan(span, error, type)
    },
  }
}

// Output items whose last message part is a tool call; the official instrumentation reports
// `tool_call` as the finish reason when the output's last part is one, else `stop`.
const TOOL_CALL_ITEMS =
  /^(function_call|custom_tool_call|web_search_call|computer_call|local_shell_call|mcp_approval_request)$/
const RESPONSE_ITEMS = /^(image_generation_call|mcp_call|mcp_list_tools)$/

/** `undefined` when an item has a type the official instrumentation does not know (it then sets none). */
function responsesFinishReason(output: any[]): string | undefined {
  let last: string | undefined
  for (const item of output) {
    const t = item?.type
    let part: string | undefined
    if (t === 'message')
      part = item.content?.some((c: any) => c.type === 'output_text' || c.type === 'refusal')
        ? 'text'
        : undefined
    else if (t === 'reasoning')
      part = (item.summary?.length ?? 0) + (item.content?.length ?? 0) ? 'reasoning' : undefined
    else if (t === 'file_search_call') part = item.results?.length ? 'response' : 'tool_call'
    else if (t === 'code_interpreter_call')
      part = item.outputs?.some((o: any) => o.type === 'image' || o.type === 'logs')
        ? 'response'
        : 'tool_call'
    else if (TOOL_CALL_ITEMS.test(t)) part = 'tool_call'
    else if (RESPONSE_ITEMS.test(t)) part = 'response'
    else return
    last = part ?? last
  }
  return last === 'tool_call' ? 'tool_call' : 'stop'
}
