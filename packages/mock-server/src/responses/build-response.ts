import { contentText } from '../generate/content-text'
import { planReply, type ReplyInputs } from '../generate/reply-plan'
import { countTokens } from '../generate/reply-text'
import { isRecord } from '../is-record'
import { type InputItem, replySource, toInputItems } from './response-input'

/** A Response object as sent on the wire. */
export type WireResponse = Record<string, unknown> & { id: string; status: string; output: OutputItem[] }

/** An output item (`message` or `function_call`). */
export type OutputItem = Record<string, unknown> & { id: string; type: string }

/** Everything the mock derives from one create request. */
export interface BuiltResponse {
  /** The snapshot at the start: status `in_progress` (or `queued` in background), no output, no usage. */
  initial: WireResponse
  /** The finished response: `completed`, or `incomplete` when `max_output_tokens` was too small. */
  final: WireResponse
  inputItems: InputItem[]
}

function replyInputs(params: Record<string, unknown>, items: InputItem[]): ReplyInputs {
  const tools = (Array.isArray(params.tools) ? params.tools : [])
    .filter((tool): tool is Record<string, unknown> => isRecord(tool) && tool.type === 'function')
    .map((tool) => ({ name: String(tool.name), parameters: tool.parameters }))
  const choice = params.tool_choice
  const toolChoice =
    typeof choice === 'string'
      ? choice
      : isRecord(choice) && choice.type === 'function'
        ? String(choice.name)
        : 'auto'
  const format = isRecord(params.text) && isRecord(params.text.format) ? params.text.format : undefined
  return {
    ...replySource(items),
    tools,
    toolChoice,
    format:
      format?.type === 'json_schema'
        ? { schema: format.schema }
        : format?.type === 'json_object'
          ? 'json_object'
          : null,
    maxTokens: typeof params.max_output_tokens === 'number' ? params.max_output_tokens : null,
  }
}

function itemText(item: InputItem): string {
  return item.type === 'message' ? contentText(item.content) : JSON.stringify(item)
}

/**
 * The `input_tokens` of a request: the instructions and every input item, about four characters a token. Shared by
 * create and `input_tokens`, so a count always matches the usage of the same request.
 */
export function inputTokenCount(params: Record<string, unknown>, items: readonly InputItem[]): number {
  return countTokens([String(params.instructions ?? ''), ...items.map(itemText)].join('\n'))
}

/** The response fields copied from the request, with the API's defaults. */
function responseShell(params: Record<string, unknown>, id: string, createdAt: number): WireResponse {
  const reasoning = isRecord(params.reasoning) ? params.reasoning : {}
  const text = isRecord(params.text) ? params.text : {}
  return {
    id,
    object: 'response',
    created_at: createdAt,
    status: params.background === true ? 'queued' : 'in_progress',
    background: params.background === true,
    completed_at: null,
    error: null,
    incomplete_details: null,
    instructions: params.instructions ?? null,
    max_output_tokens: params.max_output_tokens ?? null,
    max_tool_calls: params.max_tool_calls ?? null,
    model: params.model,
    output: [],
    parallel_tool_calls: params.parallel_tool_calls ?? true,
    previous_response_id: params.previous_response_id ?? null,
    reasoning: { effort: reasoning.effort ?? null, summary: reasoning.summary ?? null },
    service_tier: 'default',
    store: params.store ?? true,
    temperature: params.temperature ?? 1,
    text: { format: text.format ?? { type: 'text' }, verbosity: text.verbosity ?? 'medium' },
    tool_choice: params.tool_choice ?? 'auto',
    tools: params.tools ?? [],
    top_logprobs: params.top_logprobs ?? 0,
    top_p: params.top_p ?? 1,
    truncation: params.truncation ?? 'disabled',
    usage: null,
    user: params.user ?? null,
    metadata: params.metadata ?? {},
  }
}

/** Builds the deterministic response to a create request (`params` is a JSON object with a `model`). */
export function buildResponse(
  params: Record<string, unknown>,
  newId: (prefix: string) => string,
  now = Date.now(),
): BuiltResponse {
  const createdAt = Math.floor(now / 1000)
  const id = newId('resp')
  const inputItems = toInputItems(params.input, newId)
  const inputs = replyInputs(params, inputItems)
  const plan = planReply(inputs)

  const output: OutputItem =
    plan.kind === 'function_call'
      ? {
          id: newId('fc'),
          type: 'function_call',
          status: 'completed',
          arguments: plan.arguments,
          call_id: newId('call'),
          name: plan.name,
        }
      : {
          id: newId('msg'),
          type: 'message',
          status: plan.truncated ? 'incomplete' : 'completed',
          role: 'assistant',
          content: [{ type: 'output_text', text: plan.text, annotations: [], logprobs: [] }],
        }
  const truncated = plan.kind === 'message' && plan.truncated
  const inputTokens = inputTokenCount(params, inputItems)
  const outputTokens = truncated
    ? Math.max(0, inputs.maxTokens ?? 0)
    : countTokens(plan.kind === 'message' ? plan.text : plan.arguments)

  const initial = responseShell(params, id, createdAt)
  const final: WireResponse = {
    ...initial,
    status: truncated ? 'incomplete' : 'completed',
    completed_at: truncated ? null : createdAt,
    incomplete_details: truncated ? { reason: 'max_output_tokens' } : null,
    output: [output],
    usage: {
      input_tokens: inputTokens,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens: outputTokens,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: inputTokens + outputTokens,
    },
  }
  return { initial, final, inputItems }
}
