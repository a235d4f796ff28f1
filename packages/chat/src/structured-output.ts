import { OpenAIError } from '@acme/openai-core'
import { ContentFilterFinishReasonError, LengthFinishReasonError } from './finish-reason-errors'
import type { ChatCompletion } from './types/chat-completion'
import type { AutoParseableTool, ParsedChatCompletion } from './types/parsed-chat-completion'

/** The parts of the request params that decide what gets parsed. */
export interface ParseInputs {
  response_format?: unknown
  tools?: readonly unknown[] | null
}

/** Whether a tool was made by `zodFunction` (it carries its own argument parser and callback). */
export function isAutoParseableTool(tool: unknown): tool is AutoParseableTool {
  return (tool as any)?.$brand === 'auto-parseable-tool'
}

/** JSON.parse with an error that names the problem without quoting the model's output. */
export function parseStructuredJSON(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    throw error instanceof SyntaxError
      ? new SyntaxError('Error reading response: invalid structured output JSON.')
      : error
  }
}

/** Parses content for a `json_schema` response format (with its own parser, else as JSON); otherwise `null`. */
export function parseContent(format: any, content: string): unknown {
  return format?.type === 'json_schema' ? (format.$parseRaw ?? JSON.parse)(content) : null
}

/** Parsed arguments for a call of a strict or zod function tool (with its own parser, else as JSON), else `null`. */
export function parseToolArguments(inputs: ParseInputs, name: string | undefined, args: string): unknown {
  const tool: any = inputs.tools?.find((t: any) => t?.type === 'function' && t.function?.name === name)
  return tool?.$parseRaw || tool?.function?.strict === true ? (tool.$parseRaw ?? JSON.parse)(args) : null
}

/** Whether a choice stopped before its answer was complete: nothing in it can be parsed. */
export const isUnfinished = (choice: { finish_reason: string | null }): boolean =>
  choice.finish_reason === 'length' || choice.finish_reason === 'content_filter'

/**
 * Refuses tools that cannot be parsed: only `function` (with `strict: true`) and `custom` tools are allowed,
 * as in the official `chat.completions.parse`.
 */
export function validateInputTools(tools: readonly unknown[] | null | undefined): void {
  for (const tool of (tools ?? []) as any[]) {
    if (tool?.type === 'custom') continue
    if (tool?.type !== 'function')
      throw new OpenAIError(
        `Currently only \`function\` and \`custom\` tool types are supported; Received \`${tool?.type}\``,
      )
    if (tool.function?.strict !== true)
      throw new OpenAIError(
        `The \`${tool.function?.name}\` tool is not marked with \`strict: true\`. Only strict function tools can be auto-parsed`,
      )
  }
}

/**
 * Adds `message.parsed` (and `parsed_arguments` to function tool calls) to every choice, as the params ask;
 * `null` where there is nothing to parse, including choices cut by the token limit or the content filter.
 * The completion is changed in place: it is always a fresh object.
 */
export function addParsed<ParsedT>(
  completion: ChatCompletion,
  inputs: ParseInputs,
): ParsedChatCompletion<ParsedT> {
  for (const choice of completion.choices as ParsedChatCompletion<unknown>['choices']) {
    const { message } = choice
    const { content, refusal, tool_calls } = message
    message.parsed = null
    if (isUnfinished(choice)) continue
    for (const call of tool_calls ?? [])
      if (call.type === 'function')
        call.function.parsed_arguments = parseToolArguments(
          inputs,
          call.function.name,
          call.function.arguments,
        )
    // Empty content next to tool calls is no answer to parse; alone it is (and fails as JSON).
    if (content != null && !refusal && (content || !tool_calls?.length))
      message.parsed = parseContent(inputs.response_format, content)
  }
  return completion as ParsedChatCompletion<ParsedT>
}

/**
 * `addParsed`, after refusing choices that could not finish: `LengthFinishReasonError` for `length`,
 * `ContentFilterFinishReasonError` for `content_filter` (what `parseChatCompletion` promises).
 */
export function parseCompletion<ParsedT>(
  completion: ChatCompletion,
  inputs: ParseInputs,
): ParsedChatCompletion<ParsedT> {
  for (const { finish_reason } of completion.choices) {
    if (finish_reason === 'length') throw new LengthFinishReasonError()
    if (finish_reason === 'content_filter') throw new ContentFilterFinishReasonError()
  }
  return addParsed(completion, inputs)
}
