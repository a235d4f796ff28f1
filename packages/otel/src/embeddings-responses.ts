// What embeddings and Responses calls add to their spans beyond what chat completions record. Loaded with the
// first such call, so chat-only apps do not ship it up front.
import type { GenAICall } from './gen-ai-result'

/** The request parameters of an embeddings or Responses call the official instrumentation records. */
export function requestAttributes(
  kind: 'embeddings' | 'responses',
  body: any,
  set: (key: string, value: any) => void,
): void {
  if (kind === 'embeddings') {
    if (body.encoding_format != null) set('request.encoding_formats', [body.encoding_format])
  } else {
    set('system_instructions', body.instructions)
    set('request.max_tokens', body.max_output_tokens)
  }
}

/** The usage (and for Responses the id, conversation and finish reason) of a plain (not streamed) answer. */
export function recordAnswer(call: GenAICall, data: any): void {
  const { span } = call
  if (call.kind === 'embeddings') {
    call.usage(data.usage?.prompt_tokens, undefined, true)
    return
  }
  span.setAttribute('gen_ai.response.id', data.id)
  if (data.conversation) span.setAttribute('gen_ai.conversation.id', data.conversation.id)
  if (data.usage) call.usage(data.usage.input_tokens, data.usage.output_tokens, true)
  finish(call, data.output ?? [])
}

/** Sets `gen_ai.response.finish_reasons` from output items, when the official instrumentation would. */
export function finish(call: GenAICall, output: any[]): void {
  const reason = finishReason(output)
  if (reason) call.span.setAttribute('gen_ai.response.finish_reasons', [reason])
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
