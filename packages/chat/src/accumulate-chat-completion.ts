import { OpenAIError } from '@acme/openai-core'
import type { ChatCompletion } from './types/chat-completion'
import type { ChatCompletionChunk } from './types/chat-completion-chunk'
import type { ChatCompletionSnapshot, ChatCompletionSnapshotChoice } from './types/chat-completion-snapshot'

/** The text fields of a message that stream as deltas. */
export const TEXT_KINDS = ['content', 'refusal'] as const

// The API allows n <= 128 and far fewer tool calls; larger indexes are a broken or hostile stream.
function checkIndex(value: any, what: string): number {
  if (!(value >= 0 && value < 128)) throw new OpenAIError(`invalid ${what} index in the stream: ${value}`)
  return value
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
  const target = (snapshot ??= { choices: [] } as unknown as ChatCompletionSnapshot) as unknown as Record<
    string,
    unknown
  >
  for (const key in chunk) {
    const value = (chunk as unknown as Record<string, unknown>)[key]
    // `usage: null` on every chunk must not erase the usage of the final chunk.
    if (
      key !== 'choices' &&
      key !== 'obfuscation' &&
      key !== '__proto__' &&
      (value !== null || target[key] == null)
    )
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
    // A logprobs object with no tokens yet still shows the caller asked for them (as in the official helper).
    if (logprobs) choice.logprobs ??= { content: null, refusal: null }
    for (const kind of TEXT_KINDS) {
      const tokens = logprobs?.[kind]
      if (tokens) (choice.logprobs![kind] ??= []).push(...tokens)
      const text = delta?.[kind]
      if (text != null) message[kind] = (message[kind] ?? '') + text
      else if (text === null) message[kind] ??= null
    }
    if (!delta) continue
    if (delta.role) {
      // A completion is the assistant's message; any other role means the stream is not one.
      if (delta.role !== 'assistant')
        throw new OpenAIError(
          `Unexpected role "${delta.role}" in choice ${index} of the stream; expected "assistant".`,
        )
      message.role = delta.role
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
  new OpenAIError(`Chat completion stream ended without ${what}; was the connection cut?`)

/**
 * Turns a finished snapshot into a `chat.completion` (messages keep the `parsed` value the done events set,
 * else `null`); refuses a missing snapshot and choices or tool calls that are incomplete.
 */
export function finalizeChatCompletion(snapshot: ChatCompletionSnapshot | undefined): ChatCompletion {
  if (!snapshot) throw missing('any chunk')
  const completion: any = { ...snapshot, object: 'chat.completion', choices: [] }
  if (!completion.usage) delete completion.usage
  for (const choice of snapshot.choices) {
    if (!choice) continue
    const { index, finish_reason, message } = choice
    if (!finish_reason) throw missing(`the finish_reason of choice ${index}`)
    const tool_calls =
      message.tool_calls &&
      Array.from(message.tool_calls, (call, i) => {
        if (!call?.id || !call.function.name)
          throw missing(`the id and name of choices[${index}].tool_calls[${i}]`)
        return { id: call.id, type: 'function', function: call.function }
      })
    completion.choices.push({
      ...choice,
      message: {
        ...message,
        role: 'assistant',
        content: message.content ?? null,
        refusal: message.refusal ?? null,
        parsed: message.parsed ?? null,
        tool_calls,
      },
    })
  }
  if (!completion.choices.length) throw missing('any choice')
  return completion
}
