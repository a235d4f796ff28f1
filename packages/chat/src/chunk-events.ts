import { OpenAIError } from '@acme/openai-core'
import { accumulateChatCompletion, finalizeChatCompletion } from './accumulate-chat-completion'
import { type ParseInputs, parseCompletion, parseContent, parseToolArguments } from './structured-output'
import type { ChatCompletionChunk } from './types/chat-completion-chunk'
import type { ChatCompletionSnapshot, ChatCompletionSnapshotChoice } from './types/chat-completion-snapshot'
import type { ParsedChatCompletion } from './types/parsed-chat-completion'

/** Emits one of the `ChatCompletionChunkEvents`. */
export type EmitChunkEvent = (event: string, ...args: unknown[]) => void

interface ChoiceState {
  /** The `*.done` events already emitted (`content`, `refusal`, `logprobs.content`, `tool.0`, ...). */
  done: Set<string>
  /** The tool call receiving fragments; a new index means the previous one is complete. */
  tool?: number
}

/** Reads the chunks of one streamed completion: accumulates them and emits the delta and done events. */
export interface ChunkEvents {
  add(chunk: ChatCompletionChunk): void
  /** The final completion, parsed as the params ask; throws when the stream was incomplete. */
  finish<ParsedT>(): ParsedChatCompletion<ParsedT>
  snapshot(): ChatCompletionSnapshot | undefined
}

const TEXT_KINDS = ['content', 'refusal'] as const

/** Event bookkeeping for one streamed request; `inputs` decides what `content.done` and tool events parse. */
export function createChunkEvents(inputs: ParseInputs, emit: EmitChunkEvent): ChunkEvents {
  let snapshot: ChatCompletionSnapshot | undefined
  const states: ChoiceState[] = []
  const first = (state: ChoiceState, key: string) => !state.done.has(key) && !!state.done.add(key)
  // A truncated or filtered answer is no JSON to parse; the final completion reports it as a typed error.
  const cut = (choice: ChatCompletionSnapshotChoice) =>
    choice.finish_reason === 'length' || choice.finish_reason === 'content_filter'

  function partsDone(choice: ChatCompletionSnapshotChoice, state: ChoiceState) {
    const { content, refusal, tool_calls, function_call } = choice.message
    if (content != null && (content || !(refusal || tool_calls?.length || function_call)) && first(state, 'content'))
      emit('content.done', {
        content,
        parsed: refusal || cut(choice) ? null : parseContent(inputs.response_format, content),
      })
    if (refusal && first(state, 'refusal')) emit('refusal.done', { refusal })
    for (const kind of TEXT_KINDS) {
      const tokens = choice.logprobs?.[kind]
      if (tokens && first(state, `logprobs.${kind}`)) emit(`logprobs.${kind}.done`, { [kind]: tokens })
    }
  }

  function toolCallDone(choice: ChatCompletionSnapshotChoice, state: ChoiceState) {
    const index = state.tool
    const call = index === undefined ? undefined : choice.message.tool_calls?.[index]
    if (call?.type !== 'function' || !first(state, `tool.${index}`)) return
    const { name = '', arguments: args } = call.function
    emit('tool_calls.function.arguments.done', {
      name,
      index,
      arguments: args,
      parsed_arguments: cut(choice) ? null : parseToolArguments(inputs, name, args),
    })
  }

  return {
    snapshot: () => snapshot,
    add(chunk) {
      const current = (snapshot = accumulateChatCompletion(snapshot, chunk))
      emit('chunk', chunk, current)
      for (const part of chunk.choices) {
        const choice = current.choices[part.index]
        const { message } = choice
        const state = (states[part.index] ??= { done: new Set() })
        if (message.role === 'assistant')
          for (const kind of TEXT_KINDS) {
            const delta = part.delta?.[kind]
            const text = message[kind]
            if (delta != null && text) {
              if (kind === 'content') emit('content', delta, text)
              emit(`${kind}.delta`, { delta, snapshot: text })
            }
            const tokens = part.logprobs?.[kind]
            if (tokens != null) emit(`logprobs.${kind}.delta`, { [kind]: tokens, snapshot: choice.logprobs?.[kind] })
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
              name: call.function.name ?? '',
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
      if (!snapshot) throw new OpenAIError('request ended without sending any chunks')
      return parseCompletion<ParsedT>(finalizeChatCompletion(snapshot), inputs, true)
    },
  }
}
