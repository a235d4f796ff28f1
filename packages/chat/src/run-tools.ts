// Longer than the house ~300 lines: the runner's public types sit beside the one loop they describe (call the
// model, run the tools, feed the results back), so a reader sees the contract and the loop together.
import { APIUserAbortError, type Client, OpenAIError, type RequestOptions, request } from '@acme/openai-core'
import { _assertClient } from '@acme/openai-core/internal'
import { createChunkEvents } from './chunk-events'
import { type BaseRunnerEvents, createEventRunner, type EventHelper } from './event-runner'
import { helperMethodHeader } from './helper-method-header'
import { addParsed, isAutoParseableTool } from './structured-output'
import type { ChatCompletion, CompletionUsage } from './types/chat-completion'
import type { ChatCompletionChunk } from './types/chat-completion-chunk'
import type {
  ChatCompletionAssistantMessageParam,
  ChatCompletionCreateParamsBase,
  ChatCompletionFunctionTool,
  ChatCompletionMessageParam,
  ChatCompletionMessageToolCall,
  ChatCompletionToolMessageParam,
  FunctionParameters,
} from './types/chat-completion-params'
import type { ChatCompletionSnapshot } from './types/chat-completion-snapshot'
import type { ChatCompletionChunkEvents } from './types/chat-completion-stream-events'
import type {
  AutoParseableTool,
  ExtractParsedContent,
  ParsedChatCompletion,
  ParsedChatCompletionMessage,
} from './types/parsed-chat-completion'

/** A function the model may call, together with the code that runs it. */
export interface RunnableFunction<Args = any> {
  /** Runs the call; a non-string result is sent back JSON-encoded. A throw ends the run with that error. */
  function: (args: Args, runner: ChatCompletionRunner<any>) => unknown
  /**
   * Turns the raw argument string into `args`; defaults to `JSON.parse` (pass `(s) => s` for the raw string).
   * When it throws, the error message is sent back to the model as the tool result, so it can try again.
   */
  parse?: (args: string) => Args | Promise<Args>
  /** Defaults to the name of `function`. */
  name?: string
  description?: string
  /** JSON Schema of the arguments. */
  parameters: FunctionParameters
  strict?: boolean
}

/** A function tool that `runTools` can call. */
export interface RunnableTool<Args = any> {
  type: 'function'
  function: RunnableFunction<Args>
}

/** Params of `runTools`: those of `createChatCompletion`, with runnable tools (or `zodFunction` tools). */
export type RunToolsParams = Omit<ChatCompletionCreateParamsBase, 'tools'> & {
  tools: Array<RunnableTool | AutoParseableTool<any>>
}

/** Options of `runTools`: request options plus the step limit. */
export interface RunToolsOptions extends RequestOptions {
  /** How many completions to request at most (default 10); the run stops after the last one's tool calls. */
  maxChatCompletions?: number
}

/** Everything a `ChatCompletionRunner` emits (chunk events only with `stream: true`). */
export interface ChatCompletionRunnerEvents<ParsedT = null>
  extends BaseRunnerEvents,
    ChatCompletionChunkEvents<ParsedT> {
  /** A message was added to the conversation: an assistant answer or a tool result. */
  message: (message: ChatCompletionMessageParam) => void
  chatCompletion: (completion: ParsedChatCompletion<ParsedT>) => void
  /** The model asked for a function call. */
  functionToolCall: (call: { name: string; arguments: string }) => void
  /** A tool result was sent back. */
  functionToolCallResult: (content: string) => void
  finalChatCompletion: (completion: ParsedChatCompletion<ParsedT>) => void
  finalMessage: (message: ParsedChatCompletionMessage<ParsedT>) => void
  finalContent: (content: string) => void
  totalUsage: (usage: CompletionUsage) => void
}

/** A running tool loop. `for await` yields the chunks of every step when streaming. */
export interface ChatCompletionRunner<ParsedT = null>
  extends EventHelper<ChatCompletionRunnerEvents<ParsedT>, ChatCompletionRunner<ParsedT>> {
  /** The whole conversation so far: the params' messages, then each answer and tool result. */
  readonly messages: ChatCompletionMessageParam[]
  /** Every completion received, in order. */
  readonly chatCompletions: ParsedChatCompletion<ParsedT>[]
  /** With `stream: true`, the step's completion accumulated so far. */
  readonly currentChatCompletionSnapshot: ChatCompletionSnapshot | undefined
  /** The last completion. */
  finalChatCompletion(): Promise<ParsedChatCompletion<ParsedT>>
  /** The last assistant message. */
  finalMessage(): Promise<ParsedChatCompletionMessage<ParsedT>>
  /** The last assistant message's text (`null` when the step limit stopped the run at a tool call). */
  finalContent(): Promise<string | null>
  /** Token counts summed over every completion. */
  totalUsage(): Promise<CompletionUsage>
}

interface ToolEntry {
  run: (args: any, runner: ChatCompletionRunner<any>) => unknown
  parse: (args: string) => unknown
}

/** The tool message to send back (none for a non-function call), and whether the function ran. */
type ToolResult = [message?: ChatCompletionToolMessageParam, called?: boolean]

function toRequestMessage(message: ChatCompletionMessageParam | ParsedChatCompletionMessage<unknown>) {
  if (message.role !== 'assistant') return message
  // Only what a request message may carry: `parsed`, annotations and the like stay out.
  const { audio, content, function_call, name, refusal, tool_calls } =
    message as ParsedChatCompletionMessage<unknown> & ChatCompletionAssistantMessageParam
  return {
    role: 'assistant',
    ...(audio != null && { audio: { id: audio.id } }),
    ...(content !== undefined && { content }),
    ...(function_call != null && { function_call }),
    ...(name !== undefined && { name }),
    ...(refusal != null && { refusal }),
    ...(tool_calls !== undefined && {
      tool_calls: tool_calls.map(
        (call): ChatCompletionMessageToolCall =>
          call.type === 'custom'
            ? { id: call.id, type: 'custom', custom: { input: call.custom.input, name: call.custom.name } }
            : {
                id: call.id,
                type: 'function',
                function: { arguments: call.function.arguments, name: call.function.name },
              },
      ),
    }),
  } as ChatCompletionAssistantMessageParam
}

function stringifyResult(result: unknown): string {
  if (typeof result === 'string') return result
  return result === undefined ? 'undefined' : JSON.stringify(result)
}

function addUsage(total: Record<string, any>, usage: Record<string, any>): void {
  for (const key in usage) {
    const value = usage[key]
    if (typeof value === 'number') total[key] = (total[key] ?? 0) + value
    else if (value && typeof value === 'object' && key !== '__proto__') addUsage((total[key] ??= {}), value)
  }
}

/**
 * Runs a tool-calling loop: requests a completion, calls your functions for its tool calls, sends their
 * results back as `tool` messages, and repeats until the model answers without tool calls or
 * `maxChatCompletions` (default 10) completions were made. An unknown tool name or arguments that fail to
 * parse are sent back to the model as the tool message, so it can correct itself. With `stream: true`
 * each step is streamed and emits the `streamChatCompletion` events. Sends
 * `x-stainless-helper-method: runTools`.
 *
 * @example
 * const runner = runTools(client, {
 *   model: 'gpt-5.4',
 *   messages: [{ role: 'user', content: 'Weather in Paris?' }],
 *   tools: [{ type: 'function', function: { function: getWeather, parameters: { type: 'object', properties: { city: { type: 'string' } } } } }],
 * })
 * console.log(await runner.finalContent())
 */
export function runTools<Params extends RunToolsParams>(
  client: Client,
  params: Params,
  options?: RunToolsOptions,
): ChatCompletionRunner<ExtractParsedContent<Params>> {
  type ParsedT = ExtractParsedContent<Params>
  _assertClient(client, 'runTools')
  const { maxChatCompletions = 10, ...requestOptions } = options ?? {}
  const { helper, emit, start } = createEventRunner(requestOptions.signal)
  const { signal } = helper.controller
  const messages: ChatCompletionMessageParam[] = [...params.messages]
  const chatCompletions: ParsedChatCompletion<ParsedT>[] = []
  let connected = false

  const throwIfAborted = () => {
    if (signal.aborted) throw new APIUserAbortError()
  }

  function addMessage(message: ChatCompletionMessageParam) {
    messages.push(message)
    emit('message', message)
    if (message.role === 'tool' && typeof message.content === 'string' && message.content)
      emit('functionToolCallResult', message.content)
    else if (message.role === 'assistant')
      for (const call of message.tool_calls ?? [])
        if (call.type === 'function') emit('functionToolCall', call.function)
  }

  const connect = () => {
    if (connected) return
    connected = true
    emit('connect')
  }

  async function createStep(body: Record<string, unknown>): Promise<ParsedChatCompletion<ParsedT>> {
    const spec = {
      ...requestOptions,
      signal,
      method: 'post' as const,
      operation: 'runTools',
      path: '/chat/completions',
      operationHeaders: helperMethodHeader(client, 'runTools'),
    }
    if (!params.stream) {
      const completion = await request<ChatCompletion>(client, { ...spec, body: { ...body, stream: false } })
      connect()
      return addParsed<ParsedT>(completion, params)
    }
    const chunks = createChunkEvents(
      params,
      emit,
      helper as { currentChatCompletionSnapshot?: ChatCompletionSnapshot },
    )
    const source = await request<AsyncIterable<ChatCompletionChunk>>(client, {
      ...spec,
      body: { ...body, stream: true },
      stream: true,
    })
    connect()
    for await (const chunk of source) chunks.add(chunk)
    return chunks.finish<ParsedT>()
  }

  const self = Object.assign(helper, {
    messages,
    chatCompletions,
    async finalChatCompletion() {
      await helper.done()
      const last = chatCompletions.at(-1)
      if (!last) throw new OpenAIError('runTools ended without producing a ChatCompletion')
      return last
    },
    async finalMessage() {
      await helper.done()
      const message = lastAssistantMessage()
      if (!message)
        throw new OpenAIError('runTools ended without producing a ChatCompletionMessage with role=assistant')
      return message
    },
    finalContent: async () => (await self.finalMessage()).content ?? null,
    async totalUsage() {
      await helper.done()
      return usageOf(chatCompletions)
    },
  }) as unknown as ChatCompletionRunner<ParsedT>

  function lastAssistantMessage(): ParsedChatCompletionMessage<ParsedT> | undefined {
    for (let i = messages.length - 1; i >= 0; i--)
      if (messages[i].role === 'assistant') return messages[i] as ParsedChatCompletionMessage<ParsedT>
  }

  function usageOf(completions: ChatCompletion[]): CompletionUsage {
    const total = { completion_tokens: 0, prompt_tokens: 0, total_tokens: 0 }
    for (const { usage } of completions) if (usage) addUsage(total, usage)
    return total
  }

  start(async () => {
    if (!Number.isSafeInteger(maxChatCompletions) || maxChatCompletions < 1)
      throw new OpenAIError(
        `maxChatCompletions must be a positive integer, got ${String(maxChatCompletions)}`,
      )
    if (params.n != null && params.n > 1)
      throw new OpenAIError(
        'runTools supports only n = 1 (one choice per step); use createChatCompletion directly for n > 1.',
      )
    const { tools: runnable, tool_choice = 'auto', stream: _stream, messages: _messages, ...rest } = params
    const byName = new Map<string, ToolEntry>()
    const tools = runnable.map((tool): ChatCompletionFunctionTool => {
      if (isAutoParseableTool(tool)) {
        const callback = tool.$callback
        if (!callback)
          throw new OpenAIError(
            `The \`${tool.function.name}\` tool given to runTools has no function to call; pass \`function\` to zodFunction.`,
          )
        byName.set(tool.function.name, { run: callback, parse: (args) => tool.$parseRaw(args) })
        return { type: 'function', function: { ...tool.function } }
      }
      const fn = (tool as RunnableTool).function
      const name = fn.name || fn.function.name
      if (!name)
        throw new OpenAIError('A runTools tool needs a name: set `function.name` or pass a named function.')
      byName.set(name, { run: fn.function, parse: fn.parse ?? JSON.parse })
      return {
        type: 'function',
        function: { name, parameters: fn.parameters, description: fn.description, strict: fn.strict },
      }
    })
    const forced =
      typeof tool_choice === 'object' && tool_choice.type === 'function'
        ? tool_choice.function.name
        : undefined

    async function runToolCall(call: ChatCompletionMessageToolCall): Promise<ToolResult> {
      if (call.type !== 'function') return []
      const reply = (content: string, called?: boolean): ToolResult => [
        { role: 'tool', tool_call_id: call.id, content },
        called,
      ]
      const { name, arguments: args } = call.function
      const entry = byName.get(name)
      if (!entry)
        return reply(
          `Invalid tool_call: ${JSON.stringify(name)}. Available options are: ${[...byName.keys()]
            .map((n) => JSON.stringify(n))
            .join(', ')}. Please try again`,
        )
      if (forced && forced !== name)
        return reply(
          `Invalid tool_call: ${JSON.stringify(name)}. ${JSON.stringify(forced)} requested. Please try again`,
        )
      let parsed: unknown
      try {
        parsed = await entry.parse(args)
      } catch (error) {
        return reply(error instanceof Error ? error.message : String(error))
      }
      throwIfAborted()
      return reply(stringifyResult(await entry.run(parsed, self)), true)
    }

    steps: for (let step = 0; step < maxChatCompletions; step++) {
      const completion = await createStep({
        ...rest,
        tool_choice,
        tools,
        messages: messages.map(toRequestMessage),
      })
      chatCompletions.push(completion)
      emit('chatCompletion', completion)
      const message = completion.choices[0]?.message
      if (!message) throw new OpenAIError('missing message in ChatCompletion response')
      addMessage(message as ChatCompletionMessageParam)
      const calls = message.tool_calls ?? []
      if (!calls.length) break
      if (forced || params.parallel_tool_calls === false) {
        for (const call of calls) {
          const [toolMessage, called] = await runToolCall(call)
          if (toolMessage) addMessage(toolMessage)
          throwIfAborted()
          // A forced function would be forced again on the next step: its result is the answer.
          if (forced && called) break steps
        }
      } else {
        const results = await Promise.allSettled(calls.map(runToolCall))
        throwIfAborted()
        for (const result of results) if (result.status === 'rejected') throw result.reason
        for (const result of results)
          if (result.status === 'fulfilled' && result.value[0]) addMessage(result.value[0])
      }
    }

    const last = chatCompletions.at(-1)!
    emit('finalChatCompletion', last)
    const final = lastAssistantMessage()
    if (final) {
      emit('finalMessage', final)
      if (final.content) emit('finalContent', final.content)
    }
    emit('totalUsage', usageOf(chatCompletions))
  })

  return self
}
