import { OpenAIError } from '@acme/openai-core'
import { accumulateChatCompletion, finalizeChatCompletion } from './accumulate-chat-completion'
import { maybeParseCompletion, type ParseInputs, parseContent, parseToolArguments } from './structured-output'
import type { ChatCompletionChunk } from './types/chat-completion-chunk'
import type { ChatCompletionSnapshot, ChatCompletionSnapshotChoice } from './types/chat-completion-snapshot'
import type { ChatCompletionChunkEvents } from './types/chat-completion-stream-events'
import type { ParsedChatCompletion } from './types/parsed-chat-completion'

type Emit = <K extends keyof ChatCompletionChunkEvents<any>>(
  event: K,
  ...args: Parameters<ChatCompletionChunkEvents<any>[K]>
) => void

interface ChoiceState {
  contentDone: boolean
  refusalDone: boolean
  logprobsContentDone: boolean
  logprobsRefusalDone: boolean
  toolCallsDone: Set<number>
  /** The tool call receiving fragments; a new index means the previous one is complete. */
  currentToolCall: number | null
}

/** Reads the chunks of one streamed completion: accumulates them and emits the delta and done events. */
export interface ChunkEvents {
  add(chunk: ChatCompletionChunk): void
  /** The final completion, parsed as the params ask; throws when the stream was incomplete. */
  finish<ParsedT>(): ParsedChatCompletion<ParsedT>
  snapshot(): ChatCompletionSnapshot | undefined
}

/** Event bookkeeping for one streamed request; `inputs` decides what `content.done` and tool events parse. */
export function createChunkEvents(inputs: ParseInputs, emit: Emit): ChunkEvents {
  let snapshot: ChatCompletionSnapshot | undefined
  const states: ChoiceState[] = []

  // A truncated or filtered answer is no JSON to parse; the final completion reports it as a typed error.
  const unfinished = (choice: ChatCompletionSnapshotChoice) =>
    choice.finish_reason === 'length' || choice.finish_reason === 'content_filter'

  function contentDone(choice: ChatCompletionSnapshotChoice, state: ChoiceState) {
    const { content, refusal, tool_calls, function_call } = choice.message
    if (
      content != null &&
      !state.contentDone &&
      (content !== '' || (!refusal && !tool_calls?.length && !function_call))
    ) {
      state.contentDone = true
      const parsed = refusal || unfinished(choice) ? null : parseContent(inputs.response_format, content)
      emit('content.done', { content, parsed })
    }
    if (refusal && !state.refusalDone) {
      state.refusalDone = true
      emit('refusal.done', { refusal })
    }
    if (choice.logprobs?.content && !state.logprobsContentDone) {
      state.logprobsContentDone = true
      emit('logprobs.content.done', { content: choice.logprobs.content })
    }
    if (choice.logprobs?.refusal && !state.logprobsRefusalDone) {
      state.logprobsRefusalDone = true
      emit('logprobs.refusal.done', { refusal: choice.logprobs.refusal })
    }
  }

  function toolCallDone(choice: ChatCompletionSnapshotChoice, state: ChoiceState, index: number) {
    if (state.toolCallsDone.has(index)) return
    state.toolCallsDone.add(index)
    const call = choice.message.tool_calls?.[index]
    if (!call) throw new OpenAIError(`Chat completion stream has no tool call at index ${index}`)
    if (call.type !== 'function') return
    const name = call.function.name ?? ''
    const args = call.function.arguments
    emit('tool_calls.function.arguments.done', {
      name,
      index,
      arguments: args,
      parsed_arguments: unfinished(choice) ? null : parseToolArguments(inputs, name, args),
    })
  }

  return {
    snapshot: () => snapshot,
    add(chunk) {
      const current = (snapshot = accumulateChatCompletion(snapshot, chunk))
      emit('chunk', chunk, current)
      for (const part of chunk.choices) {
        const choice = current.choices[part.index]
        const message = choice.message
        const delta = part.delta ?? {}
        const assistant = message.role === 'assistant'
        const state = (states[part.index] ??= {
          contentDone: false,
          refusalDone: false,
          logprobsContentDone: false,
          logprobsRefusalDone: false,
          toolCallsDone: new Set(),
          currentToolCall: null,
        })
        if (delta.content != null && assistant && message.content) {
          emit('content', delta.content, message.content)
          emit('content.delta', { delta: delta.content, snapshot: message.content })
        }
        if (delta.refusal != null && assistant && message.refusal)
          emit('refusal.delta', { delta: delta.refusal, snapshot: message.refusal })
        if (part.logprobs?.content != null && assistant)
          emit('logprobs.content.delta', {
            content: part.logprobs.content,
            snapshot: choice.logprobs?.content ?? [],
          })
        if (part.logprobs?.refusal != null && assistant)
          emit('logprobs.refusal.delta', {
            refusal: part.logprobs.refusal,
            snapshot: choice.logprobs?.refusal ?? [],
          })
        for (const fragment of delta.tool_calls ?? []) {
          if (state.currentToolCall !== fragment.index) {
            contentDone(choice, state)
            if (state.currentToolCall != null) toolCallDone(choice, state, state.currentToolCall)
          }
          state.currentToolCall = fragment.index
          const call = message.tool_calls?.[fragment.index]
          if (call?.type === 'function')
            emit('tool_calls.function.arguments.delta', {
              name: call.function.name ?? '',
              index: fragment.index,
              arguments: call.function.arguments,
              arguments_delta: fragment.function?.arguments ?? '',
            })
        }
        if (choice.finish_reason) {
          contentDone(choice, state)
          if (state.currentToolCall != null) toolCallDone(choice, state, state.currentToolCall)
        }
      }
    },
    finish<ParsedT>() {
      if (!snapshot) throw new OpenAIError('request ended without sending any chunks')
      return maybeParseCompletion<ParsedT>(finalizeChatCompletion(snapshot), inputs)
    },
  }
}
