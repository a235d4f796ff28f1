import { OpenAIError } from '@acme/openai-core'
import type { ChatCompletion } from './types/chat-completion'
import type { ChatCompletionChunk } from './types/chat-completion-chunk'
import type { ChatCompletionSnapshot, ChatCompletionSnapshotChoice } from './types/chat-completion-snapshot'

const TEXT_KINDS = ['content', 'refusal'] as const

// The API allows n <= 128 and far fewer tool calls; larger indexes are a broken or hostile stream.
function checkIndex(value: unknown, what: string): number {
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) >= 128)
    throw new OpenAIError(`Chat completion stream sent an invalid ${what} index: ${value}`)
  return value as number
}

/**
 * Folds one chunk into the snapshot (mutated in place, or created from the first chunk) and returns it:
 * content and refusal text are appended, tool-call arguments are appended per tool-call index, log
 * probabilities are concatenated, and the last non-null envelope fields (usage, ...) win.
 */
export function accumulateChatCompletion(
  snapshot: ChatCompletionSnapshot | undefined,
  chunk: ChatCompletionChunk,
): ChatCompletionSnapshot {
  if (!Array.isArray(chunk?.choices))
    throw new OpenAIError('Chat completion stream sent a chunk without a `choices` array')
  const target = (snapshot ??= { choices: [] } as unknown as ChatCompletionSnapshot) as unknown as Record<
    string,
    unknown
  >
  for (const key of Object.keys(chunk)) {
    const value = (chunk as unknown as Record<string, unknown>)[key]
    // `usage: null` on every chunk must not erase the usage of the final chunk.
    if (key !== 'choices' && key !== 'obfuscation' && key !== '__proto__' && (value !== null || target[key] == null))
      target[key] = value
  }
  for (const part of chunk.choices) {
    const index = checkIndex(part?.index, 'choice')
    const choice: ChatCompletionSnapshotChoice = (snapshot.choices[index] ??= {
      index,
      finish_reason: null,
      logprobs: null,
      message: {},
    })
    const { delta, logprobs } = part
    const message = choice.message
    if (part.finish_reason) choice.finish_reason = part.finish_reason
    for (const kind of TEXT_KINDS) {
      const tokens = logprobs?.[kind]
      if (tokens) ((choice.logprobs ??= { content: null, refusal: null })[kind] ??= []).push(...tokens)
      const text = delta?.[kind]
      if (text != null) message[kind] = (message[kind] ?? '') + text
      else if (text === null) message[kind] ??= null
    }
    if (!delta) continue
    if (delta.role) message.role = delta.role
    if (delta.function_call) {
      const call = (message.function_call ??= { arguments: '' })
      if (delta.function_call.name) call.name = delta.function_call.name
      call.arguments += delta.function_call.arguments ?? ''
    }
    for (const fragment of delta.tool_calls ?? []) {
      const at = checkIndex(fragment?.index, 'tool call')
      const call = ((message.tool_calls ??= [])[at] ??= { index: at, function: { arguments: '' } })
      if (fragment.id) call.id = fragment.id
      if (fragment.type) call.type = fragment.type
      if (fragment.function?.name) call.function.name = fragment.function.name
      call.function.arguments += fragment.function?.arguments ?? ''
    }
  }
  return snapshot
}

const missing = (what: string) =>
  new OpenAIError(`missing ${what}: the stream ended before it was complete (was the connection cut?)`)

/** Turns a finished snapshot into a `chat.completion`; refuses one whose choices or tool calls are incomplete. */
export function finalizeChatCompletion(snapshot: ChatCompletionSnapshot): ChatCompletion {
  const { choices, object: _object, ...rest } = snapshot
  const completion = {
    ...rest,
    object: 'chat.completion',
    choices: choices
      .filter(Boolean)
      .map(({ index, finish_reason, logprobs, message: { content = null, refusal = null, ...other } }) => {
        if (!finish_reason) throw missing(`finish_reason for choice ${index}`)
        const { role: _role, tool_calls, function_call, ...extra } = other
        const message: ChatCompletion['choices'][number]['message'] = {
          ...extra,
          role: 'assistant',
          content,
          refusal,
        }
        if (function_call) {
          if (!function_call.name) throw missing(`choices[${index}].function_call.name`)
          message.function_call = { name: function_call.name, arguments: function_call.arguments }
        }
        if (tool_calls?.length)
          message.tool_calls = Array.from(tool_calls, (call, i) => {
            const where = `choices[${index}].tool_calls[${i}]`
            if (!call?.id) throw missing(`${where}.id`)
            if (!call.function.name) throw missing(`${where}.function.name`)
            return {
              id: call.id,
              type: 'function',
              function: { name: call.function.name, arguments: call.function.arguments },
            }
          })
        return { index, finish_reason, logprobs, message }
      }),
  } as ChatCompletion
  if (completion.usage === null) delete completion.usage
  return completion
}
