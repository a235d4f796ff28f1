import { type Client, type RequestOptions, request } from '@acme/openai-core'
import { _assertClient } from '@acme/openai-core/internal'
import { createChunkEvents } from './chunk-events'
import { type BaseRunnerEvents, createEventRunner, type EventHelper } from './event-runner'
import { helperMethodHeader } from './helper-method-header'
import type { ParseInputs } from './structured-output'
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

/** Everything a `ChatCompletionStream` emits; the final results come from the `final*()` methods. */
export interface ChatCompletionStreamEvents<ParsedT = null>
  extends BaseRunnerEvents,
    ChatCompletionChunkEvents<ParsedT> {}

/**
 * A streamed chat completion with its chunks accumulated. Listen with `on(event, fn)`, iterate the raw chunks
 * with `for await` (stopping early aborts the request), or await the `final*()` results.
 */
export interface ChatCompletionStream<ParsedT = null>
  extends EventHelper<ChatCompletionStreamEvents<ParsedT>, ChatCompletionStream<ParsedT>> {
  /** The completion accumulated so far; `undefined` before the first chunk. */
  readonly currentChatCompletionSnapshot: ChatCompletionSnapshot | undefined
  /** The accumulated completion, with `message.parsed` (and `parsed_arguments`) when the params ask for parsing. */
  finalChatCompletion(): Promise<ParsedChatCompletion<ParsedT>>
  /** The first choice's message. */
  finalMessage(): Promise<ParsedChatCompletionMessage<ParsedT>>
  /** The first choice's text (`null` for tool calls or refusals). */
  finalContent(): Promise<string | null>
}

/**
 * Streams a chat completion and accumulates it: content, refusal and tool-call arguments (per index) as
 * they arrive, with `content.delta`/`content.done`, `refusal.*`, `tool_calls.function.arguments.*` and (with
 * `logprobs: true`) `logprobs.content.*`/`logprobs.refusal.*` events.
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
  _assertClient(client, 'streamChatCompletion')
  return _chatCompletionStream(
    (controller) =>
      request<AsyncIterable<ChatCompletionChunk>>(client, {
        ...options,
        signal: controller.signal,
        method: 'post',
        operation: 'streamChatCompletion',
        path: '/chat/completions',
        body: { ...params, stream: true },
        stream: true,
        operationHeaders: helperMethodHeader(client, 'stream'),
      }),
    params,
    options?.signal,
  )
}

/**
 * A `ChatCompletionStream` over the chunks `open` resolves to (an API call, or a body your server relays), read
 * with `controller`; `inputs` decides what is parsed.
 * @internal
 */
export function _chatCompletionStream<ParsedT>(
  open: (controller: AbortController) => Promise<AsyncIterable<ChatCompletionChunk>>,
  inputs: ParseInputs,
  signal?: AbortSignal | null,
): ChatCompletionStream<ParsedT> {
  const { helper, emit, start } = createEventRunner(signal)
  const chunks = createChunkEvents(
    inputs,
    emit,
    helper as { currentChatCompletionSnapshot?: ChatCompletionSnapshot },
  )
  // Set once the stream ended well (`finish()` throws otherwise), so the final getters can rely on it.
  let final!: ParsedChatCompletion<ParsedT>

  start(async () => {
    const source = await open(helper.controller)
    emit('connect')
    for await (const chunk of source) chunks.add(chunk)
    final = chunks.finish<ParsedT>()
  })

  const stream = helper as unknown as ChatCompletionStream<ParsedT>
  stream.finalChatCompletion = async () => {
    await stream.done()
    return final
  }
  stream.finalMessage = async () => (await stream.finalChatCompletion()).choices[0].message
  stream.finalContent = async () => (await stream.finalMessage()).content
  return stream
}
