import { type Client, OpenAIError, type RequestOptions, request } from '@acme/openai-core'
import { createChunkEvents } from './chunk-events'
import { type BaseRunnerEvents, createEventRunner } from './event-runner'
import { helperMethodHeader } from './helper-method-header'
import type { ChatCompletionChunk } from './types/chat-completion-chunk'
import type { ChatCompletionCreateParamsBase } from './types/chat-completion-params'
import type { ChatCompletionSnapshot } from './types/chat-completion-snapshot'
import type { ChatCompletionChunkEvents } from './types/chat-completion-stream-events'
import type {
  ExtractParsedContent,
  ParsedChatCompletion,
  ParsedChatCompletionMessage,
} from './types/parsed-chat-completion'

/** Params of `streamChatCompletion`: those of `createChatCompletion`; `stream` is always on. */
export type ChatCompletionStreamParams = Omit<ChatCompletionCreateParamsBase, 'stream'> & { stream?: true }

/** Everything a `ChatCompletionStream` emits. */
export interface ChatCompletionStreamEvents<ParsedT = null>
  extends BaseRunnerEvents,
    ChatCompletionChunkEvents<ParsedT> {
  chatCompletion: (completion: ParsedChatCompletion<ParsedT>) => void
  finalChatCompletion: (completion: ParsedChatCompletion<ParsedT>) => void
  finalMessage: (message: ParsedChatCompletionMessage<ParsedT>) => void
  /** The first choice's text, when it has any. */
  finalContent: (content: string) => void
}

/**
 * A streamed chat completion with its chunks accumulated. Listen with `on(event, fn)`, iterate the raw chunks
 * with `for await`, or await the `final*()` results.
 */
export interface ChatCompletionStream<ParsedT = null> extends AsyncIterable<ChatCompletionChunk> {
  /** Aborting it cancels the request (same as `abort()`). */
  readonly controller: AbortController
  readonly ended: boolean
  readonly errored: boolean
  readonly aborted: boolean
  /** The completion accumulated so far; `undefined` before the first chunk. */
  readonly currentChatCompletionSnapshot: ChatCompletionSnapshot | undefined
  on<K extends keyof ChatCompletionStreamEvents<ParsedT>>(
    event: K,
    listener: ChatCompletionStreamEvents<ParsedT>[K],
  ): ChatCompletionStream<ParsedT>
  once<K extends keyof ChatCompletionStreamEvents<ParsedT>>(
    event: K,
    listener: ChatCompletionStreamEvents<ParsedT>[K],
  ): ChatCompletionStream<ParsedT>
  off<K extends keyof ChatCompletionStreamEvents<ParsedT>>(
    event: K,
    listener: ChatCompletionStreamEvents<ParsedT>[K],
  ): ChatCompletionStream<ParsedT>
  /** Cancels the request; pending results reject with `APIUserAbortError`. */
  abort(): void
  /** Resolves when the stream ended well; rejects with its error. */
  done(): Promise<void>
  /** The accumulated completion, with `message.parsed` (and `parsed_arguments`) when the params ask for parsing. */
  finalChatCompletion(): Promise<ParsedChatCompletion<ParsedT>>
  /** The first choice's message. */
  finalMessage(): Promise<ParsedChatCompletionMessage<ParsedT>>
  /** The first choice's text (`null` for tool calls or refusals). */
  finalContent(): Promise<string | null>
}

/**
 * Streams a chat completion and accumulates it: content, refusal and tool-call arguments (per index) as
 * they arrive, with `content.delta`/`content.done`, `refusal.*` and `tool_calls.function.arguments.*` events.
 * Sends `x-stainless-helper-method: stream`, like the official `chat.completions.stream`.
 *
 * @example
 * const stream = streamChatCompletion(client, { model: 'gpt-5.4', messages: [{ role: 'user', content: 'Hi' }] })
 * stream.on('content.delta', ({ delta }) => process.stdout.write(delta))
 * console.log(await stream.finalContent())
 */
export function streamChatCompletion<Params extends ChatCompletionStreamParams>(
  client: Client,
  params: Params,
  options?: RequestOptions,
): ChatCompletionStream<ExtractParsedContent<Params>> {
  type ParsedT = ExtractParsedContent<Params>
  const runner = createEventRunner<ChatCompletionStreamEvents<ParsedT>>(options?.signal)
  const chunks = createChunkEvents(params, runner.emit)
  let final: ParsedChatCompletion<ParsedT> | undefined

  runner.start(async () => {
    const source = await request<AsyncIterable<ChatCompletionChunk>>(client, {
      ...options,
      signal: runner.controller.signal,
      method: 'post',
      path: '/chat/completions',
      body: { ...params, stream: true },
      stream: true,
      operationHeaders: helperMethodHeader(client, 'stream'),
    })
    runner.emit('connect')
    for await (const chunk of source) chunks.add(chunk)
    final = chunks.finish<ParsedT>()
    runner.emit('chatCompletion', final)
    runner.emit('finalChatCompletion', final)
    const message = final.choices[0]?.message
    if (message) {
      runner.emit('finalMessage', message)
      if (message.content) runner.emit('finalContent', message.content)
    }
  })

  const finalMessage = async () => {
    await runner.done()
    const message = final?.choices[0]?.message
    if (!message)
      throw new OpenAIError('stream ended without producing a ChatCompletionMessage with role=assistant')
    return message
  }

  const stream: ChatCompletionStream<ParsedT> = {
    controller: runner.controller,
    get ended() {
      return runner.state.ended
    },
    get errored() {
      return runner.state.errored
    },
    get aborted() {
      return runner.state.aborted
    },
    get currentChatCompletionSnapshot() {
      return chunks.snapshot()
    },
    on(event, listener) {
      runner.on(event, listener)
      return stream
    },
    once(event, listener) {
      runner.on(event, listener, true)
      return stream
    },
    off(event, listener) {
      runner.off(event, listener)
      return stream
    },
    abort: () => runner.controller.abort(),
    done: () => runner.done(),
    async finalChatCompletion() {
      await runner.done()
      if (!final) throw new OpenAIError('stream ended without producing a ChatCompletion')
      return final
    },
    finalMessage,
    finalContent: async () => (await finalMessage()).content ?? null,
    [Symbol.asyncIterator]: () => runner.iterate('chunk'),
  }
  return stream
}
