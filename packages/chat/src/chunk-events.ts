import { accumulateChatCompletion, finalizeChatCompletion, TEXT_KINDS } from './accumulate-chat-completion'
import { isUnfinished, type ParseInputs, parseContent, parseToolArguments } from './structured-output'
import type { ChatCompletionChunk } from './types/chat-completion-chunk'
import type { ChatCompletionSnapshot, ChatCompletionSnapshotChoice } from './types/chat-completion-snapshot'
import type { ParsedChatCompletion } from './types/parsed-chat-completion'

/** Emits one of the `ChatCompletionChunkEvents`. */
export type EmitChunkEvent = (event: string, ...args: unknown[]) => void

interface ChoiceState {
  /** The `*.done` events already emitted (`content`, `refusal`, `logprobs.content`, `tool.0`, ...). */
  done: Record<string, boolean>
  /** The tool call receiving fragments; a new index means the previous one is complete. */
  tool?: number
}

/** Reads the chunks of one streamed completion: accumulates them and emits the delta and done events. */
export interface ChunkEvents {
  add(chunk: ChatCompletionChunk): void
  /** The final completion, parsed as the params ask; throws when the stream was incomplete. */
  finish<ParsedT>(): ParsedChatCompletion<ParsedT>
}

/**
 * Event bookkeeping for one streamed request; `inputs` decides what `content.done` and tool events parse.
 * The snapshot lives on `holder.currentChatCompletionSnapshot` (the helper object itself), and the parsed
 * values of the done events are kept in it, so the final completion needs no second parse.
 */
export function createChunkEvents(
  inputs: ParseInputs,
  emit: EmitChunkEvent,
  holder: { currentChatCompletionSnapshot?: ChatCompletionSnapshot },
): ChunkEvents {
  holder.currentChatCompletionSnapshot = undefined
  const states: ChoiceState[] = []
  const first = (state: ChoiceState, key: string) => !state.done[key] && (state.done[key] = true)

  function partsDone(choice: ChatCompletionSnapshotChoice, state: ChoiceState) {
    const { content, refusal, tool_calls } = choice.message
    if (content != null && (content || !(refusal || tool_calls?.length)) && first(state, 'content'))
      emit('content.done', {
        content,
        parsed: (choice.message.parsed =
          refusal || isUnfinished(choice) ? null : parseContent(inputs.response_format, content)),
      })
    if (refusal && first(state, 'refusal')) emit('refusal.done', { refusal })
    for (const kind of TEXT_KINDS) {
      const tokens = choice.logprobs?.[kind]
      if (tokens && first(state, `logprobs.${kind}`)) emit(`logprobs.${kind}.done`, { [kind]: tokens })
    }
  }

  function toolCallDone(choice: ChatCompletionSnapshotChoice, state: ChoiceState) {
    const index = state.tool!
    const call = choice.message.tool_calls?.[index]
    if (call?.type !== 'function' || !first(state, `tool.${index}`)) return
    const { name, arguments: args } = call.function
    emit('tool_calls.function.arguments.done', {
      name,
      index,
      arguments: args,
      parsed_arguments: (call.function.parsed_arguments = isUnfinished(choice)
        ? null
        : parseToolArguments(inputs, name, args)),
    })
  }

  return {
    add(chunk) {
      const current = (holder.currentChatCompletionSnapshot = accumulateChatCompletion(
        holder.currentChatCompletionSnapshot,
        chunk,
      ))
      emit('chunk', chunk, current)
      for (const part of chunk.choices) {
        const choice = current.choices[part.index]
        const { message } = choice
        const state = (states[part.index] ??= { done: {} })
        if (message.role === 'assistant') {
          for (const kind of TEXT_KINDS) {
            const delta = part.delta?.[kind]
            const text = message[kind]
            if (delta != null && text) emit(`${kind}.delta`, { delta, snapshot: text })
          }
          // A second pass: the official helper emits both text deltas before any log-probability delta.
          for (const kind of TEXT_KINDS) {
            const tokens = part.logprobs?.[kind]
            if (tokens != null)
              emit(`logprobs.${kind}.delta`, { [kind]: tokens, snapshot: choice.logprobs?.[kind] ?? [] })
          }
        }
        for (const fragment of part.delta?.tool_calls ?? []) {
          if (state.tool !== fragment.index) {
            partsDone(choice, state)
            toolCallDone(choice, state)
            state.tool = fragment.index
          }
          const call = message.tool_calls![fragment.index]
          if (call.type === 'function')
            emit('tool_calls.function.arguments.delta', {
              name: call.function.name,
              index: fragment.index,
              arguments: call.function.arguments,
              arguments_delta: fragment.function?.arguments ?? '',
            })
        }
        if (choice.finish_reason) {
          partsDone(choice, state)
          toolCallDone(choice, state)
        }
      }
    },
    finish<ParsedT>() {
      return finalizeChatCompletion(holder.currentChatCompletionSnapshot) as ParsedChatCompletion<ParsedT>
    },
  }
}
