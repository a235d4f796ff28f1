import { OpenAIError } from '@acme/openai-core'
import type { ChatCompletion, ChatCompletionChoice } from './types/chat-completion'
import type { ChatCompletionChunk } from './types/chat-completion-chunk'
import type { ChatCompletionSnapshot, ChatCompletionSnapshotChoice } from './types/chat-completion-snapshot'

// The API allows n <= 128 and far fewer tool calls; larger indexes are a broken or hostile stream.
const MAX_CHOICES = 128
const MAX_TOOL_CALLS = 128

function checkIndex(index: unknown, max: number, what: string): number {
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= max)
    throw new OpenAIError(`Chat completion stream sent an invalid ${what} index: ${String(index)}`)
  return index
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
  if (!chunk || !Array.isArray(chunk.choices))
    throw new OpenAIError('Chat completion stream sent a chunk without a `choices` array')
  if (!snapshot) snapshot = { choices: [] } as unknown as ChatCompletionSnapshot
  const target = snapshot as unknown as Record<string, unknown>
  for (const key of Object.keys(chunk)) {
    const value = (chunk as unknown as Record<string, unknown>)[key]
    if (key === 'choices' || key === 'obfuscation' || key === '__proto__') continue
    // `usage: null` on every chunk must not erase the usage of the final chunk.
    if (value === null && target[key] != null) continue
    target[key] = value
  }
  for (const part of chunk.choices) {
    const index = checkIndex(part?.index, MAX_CHOICES, 'choice')
    const choice: ChatCompletionSnapshotChoice = (snapshot.choices[index] ??= {
      index,
      finish_reason: null,
      logprobs: null,
      message: {},
    })
    if (part.finish_reason) choice.finish_reason = part.finish_reason
    if (part.logprobs) {
      const logprobs = (choice.logprobs ??= { content: null, refusal: null })
      if (part.logprobs.content) (logprobs.content ??= []).push(...part.logprobs.content)
      if (part.logprobs.refusal) (logprobs.refusal ??= []).push(...part.logprobs.refusal)
    }
    const delta = part.delta
    if (!delta) continue
    const message = choice.message
    if (delta.role) message.role = delta.role
    if (delta.content != null) message.content = (message.content ?? '') + delta.content
    else if (delta.content === null) message.content ??= null
    if (delta.refusal != null) message.refusal = (message.refusal ?? '') + delta.refusal
    else if (delta.refusal === null) message.refusal ??= null
    if (delta.function_call) {
      const call = (message.function_call ??= { arguments: '' })
      if (delta.function_call.name) call.name = delta.function_call.name
      if (delta.function_call.arguments) call.arguments += delta.function_call.arguments
    }
    for (const fragment of delta.tool_calls ?? []) {
      const at = checkIndex(fragment?.index, MAX_TOOL_CALLS, 'tool call')
      const call = ((message.tool_calls ??= [])[at] ??= { index: at, function: { arguments: '' } })
      if (fragment.id) call.id = fragment.id
      if (fragment.type) call.type = fragment.type
      if (fragment.function?.name) call.function.name = fragment.function.name
      if (fragment.function?.arguments) call.function.arguments += fragment.function.arguments
    }
  }
  return snapshot
}

const cutShort = 'the stream ended before it was complete (was the connection cut?)'

/** Turns a finished snapshot into a `chat.completion`; refuses one whose choices or tool calls are incomplete. */
export function finalizeChatCompletion(snapshot: ChatCompletionSnapshot): ChatCompletion {
  const { choices, object: _object, ...rest } = snapshot
  const finalChoices: ChatCompletionChoice[] = []
  for (const choice of choices) {
    if (!choice) continue
    const { index, finish_reason, logprobs, message } = choice
    if (!finish_reason) throw new OpenAIError(`missing finish_reason for choice ${index}: ${cutShort}`)
    const { content = null, refusal = null, role: _role, tool_calls, function_call, ...other } = message
    const out: ChatCompletionChoice['message'] = { ...other, role: 'assistant', content, refusal }
    if (function_call) {
      if (!function_call.name)
        throw new OpenAIError(`missing choices[${index}].function_call.name: ${cutShort}`)
      out.function_call = { name: function_call.name, arguments: function_call.arguments }
    }
    if (tool_calls?.length)
      out.tool_calls = Array.from(tool_calls, (call, i) => {
        const where = `choices[${index}].tool_calls[${i}]`
        if (!call) throw new OpenAIError(`missing ${where}: ${cutShort}`)
        if (!call.id) throw new OpenAIError(`missing ${where}.id: ${cutShort}`)
        if (!call.function.name) throw new OpenAIError(`missing ${where}.function.name: ${cutShort}`)
        return {
          id: call.id,
          type: 'function',
          function: { name: call.function.name, arguments: call.function.arguments },
        }
      })
    finalChoices.push({ index, finish_reason, logprobs, message: out })
  }
  const completion = { ...rest, object: 'chat.completion', choices: finalChoices } as ChatCompletion
  if (completion.usage === null) delete completion.usage
  return completion
}
