// Loaded with the first streamed call (as core's SSE decoder is), so apps that never stream do not ship it.
import { observeStream, type Stream } from '@acme/openai-core'
import type { Span } from '@opentelemetry/api'
import type { GenAICall } from './gen-ai-result'
import { failHttpSpan } from './span-error'

/**
 * The same stream, telling the call's span about each item; the span ends when the stream ends, fails or the
 * consumer stops. `call` is `undefined` for a plain HTTP span. Chat chunks and Responses events give the
 * attributes and metric points the official instrumentation reads from them.
 */
export function observeCallStream(stream: Stream<any>, span: Span, call: GenAICall | undefined): Stream<any> {
  if (!call) {
    const end = () => span.end()
    return observeStream(stream, { onEnd: end, onCancel: end, onError: (e) => failHttpSpan(span, e) })
  }
  let id: string | undefined
  const finish: string[] = []
  const end = () => {
    call.sink?.end?.()
    // Holes are choices without a finish reason (yet); the official instrumentation drops them.
    if (call.kind === 'chat') span.setAttribute('gen_ai.response.finish_reasons', finish.filter(Boolean))
    call.done()
  }
  return observeStream(stream, {
    onEvent(item) {
      call.sink?.event?.(item)
      if (call.kind === 'chat') {
        // The official instrumentation reads the first choice of each chunk only.
        const choice = item.choices?.[0]
        const index = choice?.index ?? 0
        if (!id && item.id) span.setAttribute('gen_ai.response.id', (id = item.id as string))
        if (!call.model && item.model) span.setAttribute('gen_ai.response.model', (call.model = item.model))
        if (!finish[index] && choice?.finish_reason) finish[index] = choice.finish_reason
        // The last chunk carries the usage when `stream_options.include_usage` is set.
        if (item.usage) call.usage(item.usage.prompt_tokens, item.usage.completion_tokens, true)
      } else if (item.type === 'response.created') {
        call.model = item.response.model
        span.setAttributes({
          'gen_ai.response.id': item.response.id,
          'gen_ai.response.model': call.model,
          'gen_ai.conversation.id': item.response.conversation?.id,
        })
      } else if (item.type === 'response.output_item.done') call.finish([item.item])
      else if (item.type === 'response.completed' || item.type === 'response.incomplete')
        call.usage(item.response.usage?.input_tokens, item.response.usage?.output_tokens, false)
    },
    onEnd: end,
    onCancel: end,
    onError: call.fail,
  })
}
