import { type APIPromise, type Client, mapAPIPromise, type RequestOptions, request } from '@acme/openai-core'
import { _assertClient } from '@acme/openai-core/internal'
import { helperMethodHeader } from '../helper-method-header'
import { parseCompletion, validateInputTools } from '../structured-output'
import type { ChatCompletion } from '../types/chat-completion'
import type { ChatCompletionCreateParamsNonStreaming } from '../types/chat-completion-params'
import type { ExtractParsedContent, ParsedChatCompletion } from '../types/parsed-chat-completion'

/**
 * Creates a chat completion and parses it: `message.parsed` from the `response_format` (validated by the zod
 * schema of `zodResponseFormat`, or plain JSON for a raw `json_schema`), and `parsed_arguments` on calls of
 * strict function tools. A choice cut by the token limit rejects with `LengthFinishReasonError`, one stopped
 * by the content filter with `ContentFilterFinishReasonError`. Every function tool must be `strict: true`.
 * Sends `x-stainless-helper-method: chat.completions.parse`.
 *
 * @example
 * const completion = await parseChatCompletion(client, {
 *   model: 'gpt-5.4',
 *   messages: [{ role: 'user', content: 'Biggest city of France?' }],
 *   response_format: zodResponseFormat(z.object({ city: z.string() }), 'answer'),
 * })
 * console.log(completion.choices[0].message.parsed?.city)
 */
export function parseChatCompletion<Params extends ChatCompletionCreateParamsNonStreaming>(
  client: Client,
  params: Params,
  options?: RequestOptions,
): APIPromise<ParsedChatCompletion<ExtractParsedContent<Params>>> {
  _assertClient(client, 'parseChatCompletion')
  validateInputTools(params.tools)
  const completion = request<ChatCompletion>(client, {
    ...options,
    method: 'post',
    operation: 'parseChatCompletion',
    path: '/chat/completions',
    body: params,
    operationHeaders: helperMethodHeader(client, 'chat.completions.parse'),
  })
  return mapAPIPromise(completion, (data) => {
    try {
      return parseCompletion<ExtractParsedContent<Params>>(data, params)
    } catch (error) {
      // As the official client words it, without quoting the model's output.
      if (error instanceof SyntaxError)
        throw new SyntaxError('Error reading response: invalid structured output JSON.')
      throw error
    }
  })
}
