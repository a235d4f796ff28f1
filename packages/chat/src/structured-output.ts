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

// Formats and tools from the zod helpers bring their own parser; raw ones are parsed as JSON.
const parseWith = (owner: any, text: string): unknown =>
  owner.$parseRaw ? owner.$parseRaw(text) : parseStructuredJSON(text)

/** Parses content for a `json_schema` response format (its own parser, or JSON), else `null`. */
export function parseContent(format: any, content: string): unknown {
  return format?.type === 'json_schema' ? parseWith(format, content) : null
}

/** Parsed arguments for a call of a strict or zod function tool, else `null`. */
export function parseToolArguments(inputs: ParseInputs, name: string | undefined, args: string): unknown {
  const tool: any = inputs.tools?.find((t: any) => t?.type === 'function' && t.function?.name === name)
  return tool?.$parseRaw || tool?.function?.strict === true ? parseWith(tool, args) : null
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
        `Currently only \`function\` and \`custom\` tool types are supported; Received \`${tool?.type}\``,
      )
    if (tool.function?.strict !== true)
      throw new OpenAIError(
        `The \`${tool.function?.name}\` tool is not marked with \`strict: true\`. Only strict function tools can be auto-parsed`,
      )
  }
}

/**
 * Adds `message.parsed` (and `parsed_arguments` to function tool calls) to every choice, and throws
 * `LengthFinishReasonError` / `ContentFilterFinishReasonError` for choices that could not finish. With
 * `onlyIfAsked`, params that ask for no parsing (no `json_schema` format, no strict or zod tool) only get
 * `parsed: null` and nothing throws.
 */
export function parseCompletion<ParsedT>(
  completion: ChatCompletion,
  inputs: ParseInputs,
  onlyIfAsked?: boolean,
): ParsedChatCompletion<ParsedT> {
  const asked =
    !onlyIfAsked ||
    (inputs.response_format as any)?.type === 'json_schema' ||
    !!inputs.tools?.some((tool: any) => tool?.$parseRaw || (tool?.type === 'function' && tool.function?.strict))
  const parsed = {
    ...completion,
    choices: completion.choices.map((choice) => {
      const { message, finish_reason } = choice
      if (!asked) return { ...choice, message: { ...message, parsed: null } }
      if (finish_reason === 'length') throw new LengthFinishReasonError()
      if (finish_reason === 'content_filter') throw new ContentFilterFinishReasonError()
      const { content, refusal, tool_calls } = message
      // Empty content next to tool calls is no answer to parse; alone it is (and fails as JSON).
      const hasAnswer =
        content != null && !refusal && (content !== '' || !(tool_calls?.length || message.function_call))
      return {
        ...choice,
        message: {
          ...message,
          ...(tool_calls && {
            tool_calls: tool_calls.map((call) =>
              call.type === 'function'
                ? {
                    ...call,
                    function: {
                      ...call.function,
                      parsed_arguments: parseToolArguments(inputs, call.function.name, call.function.arguments),
                    },
                  }
                : call,
            ),
          }),
          parsed: hasAnswer ? parseContent(inputs.response_format, content) : null,
        },
      }
    }),
  }
  // Spreading dropped the non-enumerable `_request_id`; carry it over.
  return Object.defineProperty(parsed, '_request_id', {
    value: (completion as any)._request_id,
    writable: true,
    configurable: true,
  }) as ParsedChatCompletion<ParsedT>
}
