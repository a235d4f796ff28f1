import { contentText } from '../generate/content-text'
import { planReply, type ReplyInputs, type ReplyPlan } from '../generate/reply-plan'
import { countTokens, wordChunks } from '../generate/reply-text'
import { isRecord } from '../is-record'
import { type TokenLogprob, tokenLogprob, wantsLogprobs } from './token-logprobs'

/** A `chat.completion` object as sent on the wire. */
export type ChatCompletion = Record<string, unknown> & { id: string; choices: ChatChoice[]; model: string }

/** One choice of a chat completion. */
export interface ChatChoice {
  index: number
  message: Record<string, unknown> & { content: string | null }
  /** Set when the request asked for `logprobs`: one entry per piece the stream would send. */
  logprobs: { content: TokenLogprob[]; refusal: null } | null
  finish_reason: 'stop' | 'length' | 'tool_calls'
}

/** A completion plus what streaming needs to replay it. */
export interface BuiltChatCompletion {
  completion: ChatCompletion
  plan: ReplyPlan
  /** The user text answered (to spot the magic `"trigger error"`). */
  source: string
}

/** The text answered: the last user message, or a tool result that came after it. */
export function chatReplySource(messages: readonly unknown[]): { source: string; fromUser: boolean } {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i]
    if (!isRecord(message)) continue
    if (message.role === 'user') return { source: contentText(message.content), fromUser: true }
    if (message.role === 'tool') return { source: contentText(message.content), fromUser: false }
  }
  return { source: '', fromUser: false }
}

function replyInputs(params: Record<string, unknown>, messages: unknown[]): ReplyInputs {
  const tools = (Array.isArray(params.tools) ? params.tools : [])
    .filter((tool): tool is Record<string, unknown> => isRecord(tool) && tool.type === 'function')
    .map((tool) => (isRecord(tool.function) ? tool.function : {}))
    .map((fn) => ({ name: String(fn.name), parameters: fn.parameters }))
  const choice = params.tool_choice
  const toolChoice =
    typeof choice === 'string'
      ? choice
      : isRecord(choice) && isRecord(choice.function)
        ? String(choice.function.name)
        : 'auto'
  const format = isRecord(params.response_format) ? params.response_format : undefined
  const schema = isRecord(format?.json_schema) ? format.json_schema.schema : undefined
  const max = params.max_completion_tokens ?? params.max_tokens
  return {
    ...chatReplySource(messages),
    tools,
    toolChoice,
    format:
      format?.type === 'json_schema' ? { schema } : format?.type === 'json_object' ? 'json_object' : null,
    maxTokens: typeof max === 'number' ? max : null,
  }
}

/** Builds the deterministic `chat.completion` for a request with a `model` and `messages`. */
export function buildChatCompletion(
  params: Record<string, unknown>,
  newId: (prefix: string, separator?: string) => string,
  now = Date.now(),
): BuiltChatCompletion {
  const messages = params.messages as unknown[]
  const inputs = replyInputs(params, messages)
  const plan = planReply(inputs)
  const n = typeof params.n === 'number' ? params.n : 1
  const logprobs = wantsLogprobs(params)
  const choices: ChatChoice[] = Array.from({ length: n }, (_, index) =>
    plan.kind === 'function_call'
      ? {
          index,
          message: {
            role: 'assistant',
            content: null,
            refusal: null,
            annotations: [],
            tool_calls: [
              {
                id: newId('call'),
                type: 'function',
                function: { name: plan.name, arguments: plan.arguments },
              },
            ],
          },
          logprobs: null,
          finish_reason: 'tool_calls',
        }
      : {
          index,
          message: { role: 'assistant', content: plan.text, refusal: null, annotations: [] },
          logprobs: logprobs
            ? {
                content: wordChunks(plan.text).map((piece) => tokenLogprob(piece, logprobs.top)),
                refusal: null,
              }
            : null,
          finish_reason: plan.truncated ? 'length' : 'stop',
        },
  )
  const promptTokens = countTokens(
    messages.map((m) => (isRecord(m) ? contentText(m.content) : '')).join('\n'),
  )
  const perChoice =
    plan.kind === 'message' && plan.truncated
      ? Math.max(0, inputs.maxTokens ?? 0)
      : countTokens(plan.kind === 'message' ? plan.text : plan.arguments)
  const completionTokens = perChoice * n
  const completion: ChatCompletion = {
    id: newId('chatcmpl', '-'),
    object: 'chat.completion',
    created: Math.floor(now / 1000),
    model: params.model as string,
    choices,
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: {
        reasoning_tokens: 0,
        audio_tokens: 0,
        accepted_prediction_tokens: 0,
        rejected_prediction_tokens: 0,
      },
    },
    service_tier: 'default',
    system_fingerprint: 'fp_mock',
  }
  return { completion, plan, source: inputs.source }
}
