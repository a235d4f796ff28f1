import { jsonFromSchema } from './json-from-schema'
import { firstWords, mentionsWeather, replyText } from './reply-text'

/** A function tool, whatever API it came from. */
export interface FunctionTool {
  name: string
  parameters: unknown
}

/** What the mock answers: a text message (maybe cut short) or one function call. */
export type ReplyPlan =
  | { kind: 'message'; text: string; truncated: boolean }
  | { kind: 'function_call'; name: string; arguments: string }

/** The inputs that decide the answer, already pulled out of a Responses or Chat request. */
export interface ReplyInputs {
  /** The text being answered: the last user message, or a tool result after a tool call. */
  source: string
  /** Whether `source` is a user message (only those can trigger a tool call). */
  fromUser: boolean
  tools: FunctionTool[]
  /** `'none'`, `'auto'`, `'required'`, or the name of a forced function. */
  toolChoice: string
  /** JSON Schema of a structured-output format, `'json_object'`, or `null` for plain text. */
  format: { schema: unknown } | 'json_object' | null
  /** Output token limit; below 5 the answer is cut to that many words. */
  maxTokens: number | null
}

/** Cut-off under which an answer is reported incomplete (too few tokens to say anything). */
export const MIN_COMPLETE_TOKENS = 5

function chosenTool(inputs: ReplyInputs): FunctionTool | undefined {
  if (!inputs.fromUser || inputs.tools.length === 0) return undefined
  const { toolChoice } = inputs
  if (toolChoice === 'none') return undefined
  if (toolChoice === 'required') return inputs.tools[0]
  if (toolChoice === 'auto') return mentionsWeather(inputs.source) ? inputs.tools[0] : undefined
  return inputs.tools.find((tool) => tool.name === toolChoice)
}

/** Decides the mock's deterministic answer. */
export function planReply(inputs: ReplyInputs): ReplyPlan {
  const truncated = inputs.maxTokens !== null && inputs.maxTokens < MIN_COMPLETE_TOKENS
  const tool = truncated ? undefined : chosenTool(inputs)
  if (tool) {
    const args = jsonFromSchema(tool.parameters ?? { type: 'object' })
    return { kind: 'function_call', name: tool.name, arguments: JSON.stringify(args ?? {}) }
  }
  const { format } = inputs
  let text = replyText(inputs.source)
  if (format === 'json_object') text = JSON.stringify({ reply: text })
  else if (format) text = JSON.stringify(jsonFromSchema(format.schema))
  if (truncated) text = firstWords(text, inputs.maxTokens ?? 0)
  return { kind: 'message', text, truncated }
}
