import { OpenAIError } from '@acme/openai-core'
import { ContentFilterFinishReasonError, LengthFinishReasonError } from './finish-reason-errors'
import type { ChatCompletion } from './types/chat-completion'
import type { ChatCompletionMessageToolCall } from './types/chat-completion-params'
import type {
  AutoParseableResponseFormat,
  AutoParseableTool,
  ParsedChatCompletion,
} from './types/parsed-chat-completion'

/** The parts of the request params that decide what gets parsed. */
export interface ParseInputs {
  response_format?: unknown
  tools?: readonly unknown[] | null
}

/** Whether a response format was made by `zodResponseFormat` (it carries its own parser). */
export function isAutoParseableResponseFormat(
  format: unknown,
): format is AutoParseableResponseFormat<unknown> {
  return (format as any)?.$brand === 'auto-parseable-response-format'
}

/** Whether a tool was made by `zodFunction` (it carries its own argument parser). */
export function isAutoParseableTool(tool: unknown): tool is AutoParseableTool {
  return (tool as any)?.$brand === 'auto-parseable-tool'
}

/** JSON.parse with an error that names the problem without quoting the model's output. */
export function parseStructuredJSON(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    if (error instanceof SyntaxError)
      throw new SyntaxError('Error reading response: invalid structured output JSON.')
    throw error
  }
}

/** Parses content with the format's own parser, as JSON for a raw `json_schema` format, else `null`. */
export function parseContent(format: unknown, content: string): unknown {
  if (isAutoParseableResponseFormat(format)) return format.$parseRaw(content)
  if ((format as any)?.type === 'json_schema') return parseStructuredJSON(content)
  return null
}

function findFunctionTool(inputs: ParseInputs, name: string | undefined): any {
  return inputs.tools?.find((tool: any) => tool?.type === 'function' && tool.function?.name === name)
}

/** Parsed arguments for a call of a strict or auto-parseable function tool, else `null`. */
export function parseToolArguments(inputs: ParseInputs, name: string | undefined, args: string): unknown {
  const tool = findFunctionTool(inputs, name)
  if (isAutoParseableTool(tool)) return tool.$parseRaw(args)
  if (tool?.function?.strict === true) return parseStructuredJSON(args)
  return null
}

/** Whether anything in the params asks for parsing (a `json_schema` format, or a strict/auto-parseable tool). */
export function hasAutoParseableInput(inputs: ParseInputs): boolean {
  if (isAutoParseableResponseFormat(inputs.response_format)) return true
  if ((inputs.response_format as any)?.type === 'json_schema') return true
  return (
    inputs.tools?.some(
      (tool: any) =>
        isAutoParseableTool(tool) || (tool?.type === 'function' && tool.function?.strict === true),
    ) ?? false
  )
}

/**
 * Refuses tools that cannot be parsed: only `function` (with `strict: true`) and `custom` tools are allowed,
 * as in the official `chat.completions.parse`.
 */
export function validateInputTools(tools: readonly unknown[] | null | undefined): void {
  for (const tool of (tools ?? []) as any[]) {
    if (tool?.type === 'custom') continue
    if (tool?.type !== 'function')
      throw new OpenAIError(
        `Currently only \`function\` and \`custom\` tool types are supported; Received \`${String(tool?.type)}\``,
      )
    if (tool.function?.strict !== true)
      throw new OpenAIError(
        `The \`${tool.function?.name}\` tool is not marked with \`strict: true\`. Only strict function tools can be auto-parsed`,
      )
  }
}

function parseToolCall(
  inputs: ParseInputs,
  call: ChatCompletionMessageToolCall,
): ChatCompletionMessageToolCall {
  if (call.type !== 'function') return call
  return {
    ...call,
    function: {
      ...call.function,
      parsed_arguments: parseToolArguments(inputs, call.function.name, call.function.arguments),
    },
  } as ChatCompletionMessageToolCall
}

/**
 * Adds `message.parsed` (and `parsed_arguments` to function tool calls) to every choice. Throws
 * `LengthFinishReasonError` / `ContentFilterFinishReasonError` for choices that could not finish.
 */
export function parseCompletion<ParsedT>(
  completion: ChatCompletion,
  inputs: ParseInputs,
): ParsedChatCompletion<ParsedT> {
  const choices = completion.choices.map((choice) => {
    if (choice.finish_reason === 'length') throw new LengthFinishReasonError()
    if (choice.finish_reason === 'content_filter') throw new ContentFilterFinishReasonError()
    const { message } = choice
    // Empty content next to tool calls is no answer to parse; alone it is (and fails as JSON).
    const parseable =
      message.content != null &&
      !message.refusal &&
      (message.content !== '' || (!message.tool_calls?.length && !message.function_call))
    return {
      ...choice,
      message: {
        ...message,
        ...(message.tool_calls
          ? { tool_calls: message.tool_calls.map((c) => parseToolCall(inputs, c)) }
          : {}),
        parsed: parseable ? parseContent(inputs.response_format, message.content!) : null,
      },
    }
  })
  return withRequestID({ ...completion, choices } as ParsedChatCompletion<ParsedT>, completion)
}

/** `parseCompletion` when the params ask for parsing; otherwise only adds `parsed: null`, never throwing. */
export function maybeParseCompletion<ParsedT>(
  completion: ChatCompletion,
  inputs: ParseInputs,
): ParsedChatCompletion<ParsedT> {
  if (hasAutoParseableInput(inputs)) return parseCompletion(completion, inputs)
  const choices = completion.choices.map((choice) => ({
    ...choice,
    message: { ...choice.message, parsed: null },
  }))
  return withRequestID({ ...completion, choices } as ParsedChatCompletion<ParsedT>, completion)
}

// Spreading drops the non-enumerable `_request_id`; carry it over.
function withRequestID<T extends object>(target: T, source: object): T {
  const id = (source as any)._request_id
  if (id !== undefined)
    Object.defineProperty(target, '_request_id', {
      value: id,
      enumerable: false,
      writable: true,
      configurable: true,
    })
  return target
}
