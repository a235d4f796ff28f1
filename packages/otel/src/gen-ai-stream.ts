// Loaded with the first streamed GenAI call (as core's SSE decoder is), so apps that never stream do not ship it.
// What it imports at run time is loaded on first use too, never up front; nothing from core's main entry, so the
// app's bundler keeps that entry in the chunk that loads up front instead of splitting it off.
import type { StreamObserver } from '@acme/openai-core'
import { finish as finishResponse } from './embeddings-responses'
import type { GenAICall } from './gen-ai-result'
import { type ErrorTypeOf, failSpan } from './span-error'

/**
 * What the official instrumentation reads from chat chunks and Responses events: response id and model, finish
 * reasons, and the usage of the last chunk or event. The span ends when the stream ends or the consumer stops.
 */
export function genAIStreamObserver(call: GenAICall, errorType: ErrorTypeOf): StreamObserver<any> {
  const { span } = call
  let id: string | undefined
  const finish: string[] = []
  const end = () => {
    call.sink?.end?.()
    // Holes are choices without a finish reason (yet); the official instrumentation drops them.
    if (call.kind === 'chat') span.setAttribute('gen_ai.response.finish_reasons', finish.filter(Boolean))
    call.done()
  }
  return {
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
      } else if (item.type === 'response.output_item.done') finishResponse(call, [item.item])
      else if (item.type === 'response.completed' || item.type === 'response.incomplete')
        call.usage(item.response.usage?.input_tokens, item.response.usage?.output_tokens, false)
    },
    onEnd: end,
    onCancel: end,
    onError: (error) => failSpan(span, error, errorType, call),
  }
}
