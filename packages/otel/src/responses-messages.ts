// Responses input and output items as the GenAI "messages" of the official instrumentation's
// `gen_ai.client.inference.operation.details` log event: `{ role, parts }`, content only when captured.

type Part = Record<string, unknown>
export interface GenAIMessage {
  role: string
  parts: Part[]
  finish_reason?: string
}

const USER_ITEMS =
  /^(computer_call_output|function_call_output|local_shell_call_output|mcp_approval_response|custom_tool_call_output)$/

/** The input of a Responses request (`instructions` first, as a system message). */
export function inputMessages(params: any, capture: boolean): GenAIMessage[] {
  const text = (content: unknown) => ({ type: 'text', content: capture ? content : undefined })
  const messages: GenAIMessage[] = []
  if (typeof params.instructions === 'string')
    messages.push({ role: 'system', parts: [text(params.instructions)] })
  if (typeof params.input === 'string') messages.push({ role: 'user', parts: [text(params.input)] })
  else if (Array.isArray(params.input))
    for (const item of params.input) {
      const type = item.type ?? 'message'
      if (type !== 'message') {
        messages.push({
          role: USER_ITEMS.test(type) ? 'user' : 'assistant',
          parts: itemParts(item, type, capture, false),
        })
        continue
      }
      const parts: Part[] = []
      if (typeof item.content === 'string') parts.push(text(item.content))
      else if (Array.isArray(item.content))
        for (const c of item.content) {
          if (c.type === 'input_text' || c.type === 'output_text') parts.push(text(c.text))
          else if (c.type === 'refusal') parts.push({ type: 'refusal', refusal: c.refusal })
          else
            parts.push({
              ...(capture ? c : undefined),
              type: c.type === 'input_image' ? 'image' : c.type === 'input_file' ? 'file' : 'audio',
            })
        }
      messages.push({ role: item.role, parts })
    }
  return messages
}

/** The output items of a response as one assistant message, with the finish reason of its last part. */
export function outputMessages(output: any[], capture: boolean): GenAIMessage[] {
  const parts = output.flatMap((item) => itemParts(item, item.type, capture, true))
  const last = parts[parts.length - 1]?.type
  return [{ role: 'assistant', parts, finish_reason: last === 'tool_call' ? 'tool_call' : 'stop' }]
}

function itemParts(item: any, type: string, capture: boolean, output: boolean): Part[] {
  const c = (value: unknown) => (capture ? value : undefined)
  const call = (name: unknown, args: unknown, extra?: Part): Part => ({
    type: 'tool_call',
    id: item.id,
    name,
    arguments: c(args),
    ...extra,
  })
  const reply = (response: unknown, extra?: Part): Part => ({
    type: 'tool_call_response',
    id: item.id,
    response,
    ...extra,
  })
  switch (type) {
    case 'message': {
      // Only reached for output items; input messages are converted by the caller.
      const parts: Part[] = []
      for (const part of item.content)
        if (part.type === 'output_text') parts.push({ type: 'text', content: c(part.text) })
        else if (part.type === 'refusal') parts.push({ type: 'refusal', refusal: part.refusal })
      return parts
    }
    case 'function_call':
      return [call(item.name, item.arguments, { call_id: item.call_id })]
    case 'custom_tool_call':
      return [call(item.name, item.input, { call_id: item.call_id })]
    case 'reasoning':
      return [...item.summary, ...(item.content ?? [])].map((s: any) => ({ type: type, text: c(s.text) }))
    case 'file_search_call':
      return [call(type, item.queries), ...(item.results ?? []).map((r: unknown) => reply(c(r)))]
    case 'web_search_call':
      return [call(type, item.action)]
    case 'computer_call':
    case 'local_shell_call':
      return [call(type, item.action, { call_id: item.call_id })]
    case 'code_interpreter_call':
      return [
        call(type, item.code),
        ...(item.outputs ?? [])
          .filter((o: any) => o.type === 'image' || o.type === 'logs')
          .map((o: any) => reply(c(o.type === 'image' ? o.url : o.logs))),
      ]
    case 'image_generation_call':
      return [{ type: 'tool_call', id: item.id, name: type }, reply(c(item.result))]
    case 'mcp_call':
      return [
        call(output ? item.name : type, `${item.name}(${item.arguments})`, { server: item.server_label }),
        reply(item.error ? item.error : c(item.output), { server: item.server_label }),
      ]
    case 'mcp_list_tools':
      return [reply(item.error ? item.error : c(item.tools), { server: item.server_label })]
    case 'mcp_approval_request':
      return [
        call(`${type}${capture ? `: ${item.name}` : ''}`, item.arguments, { server: item.server_label }),
      ]
  }
  if (!output)
    switch (type) {
      case 'computer_call_output':
      case 'function_call_output':
      case 'custom_tool_call_output':
        return [reply(c(item.output), { call_id: item.call_id })]
      case 'local_shell_call_output':
        return [reply(c(item.output))]
      case 'mcp_approval_response':
        return [{ type: 'tool_call_response', response: c(item.approve) }]
      case 'item_reference':
        return [{ type: 'item_reference', id: item.id }]
    }
  return []
}
