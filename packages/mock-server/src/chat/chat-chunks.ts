import { textPieces, wordChunks } from '../generate/reply-text'
import type { BuiltChatCompletion } from './build-chat-completion'

/** The error payload a `"trigger error"` chat stream sends midway. */
export const TRIGGERED_CHAT_STREAM_ERROR = {
  error: {
    message: 'The mock server failed this stream on purpose (the input was "trigger error").',
    type: 'server_error',
    param: null,
    code: 'server_error',
  },
}

/**
 * The `chat.completion.chunk` payloads of a streamed completion, choice by choice: a role chunk, content
 * (or tool-call argument) deltas, a final chunk with `finish_reason`; then, with `includeUsage`, a
 * `choices: []` chunk with usage (every other chunk then has `usage: null`). With `failMidway` the stream
 * stops after the first chunk with an error payload.
 */
export function chatCompletionChunks(
  built: BuiltChatCompletion,
  options: { includeUsage?: boolean; failMidway?: boolean } = {},
): unknown[] {
  const { completion } = built
  const envelope = {
    id: completion.id,
    object: 'chat.completion.chunk',
    created: completion.created,
    model: completion.model,
    service_tier: completion.service_tier,
    system_fingerprint: completion.system_fingerprint,
  }
  const usage = options.includeUsage ? { usage: null } : {}
  const chunk = (
    index: number,
    delta: Record<string, unknown>,
    finish: string | null = null,
    logprobs: unknown = null,
  ) => ({
    ...envelope,
    choices: [{ index, delta, logprobs, finish_reason: finish }],
    ...usage,
  })
  const chunks: unknown[] = []
  for (const choice of completion.choices) {
    const { index, message } = choice
    const toolCalls = message.tool_calls as
      | Array<{ id: string; function: { name: string; arguments: string } }>
      | undefined
    chunks.push(chunk(index, { role: 'assistant', content: toolCalls ? null : '', refusal: null }))
    if (options.failMidway) return [...chunks, TRIGGERED_CHAT_STREAM_ERROR]
    if (toolCalls) {
      toolCalls.forEach((call, callIndex) => {
        const first = {
          index: callIndex,
          id: call.id,
          type: 'function',
          function: { name: call.function.name, arguments: '' },
        }
        chunks.push(chunk(index, { tool_calls: [first] }))
        for (const piece of textPieces(call.function.arguments))
          chunks.push(chunk(index, { tool_calls: [{ index: callIndex, function: { arguments: piece } }] }))
      })
    } else {
      // With logprobs, each content chunk carries the entry for its own piece, as the non-streamed choice lists them.
      wordChunks(message.content ?? '').forEach((piece, i) => {
        const logprobs = choice.logprobs && { content: [choice.logprobs.content[i]], refusal: null }
        chunks.push(chunk(index, { content: piece }, null, logprobs))
      })
    }
    chunks.push(chunk(index, {}, choice.finish_reason))
  }
  if (options.includeUsage) chunks.push({ ...envelope, choices: [], usage: completion.usage })
  return chunks
}
