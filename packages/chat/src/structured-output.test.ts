import { OpenAIError } from '@acme/openai-core'
import { describe, expect, it } from 'vitest'
import { ContentFilterFinishReasonError, LengthFinishReasonError } from './finish-reason-errors'
import { addParsed, parseCompletion, validateInputTools } from './structured-output'
import type { ChatCompletion, ChatCompletionChoice } from './types/chat-completion'

const completion = (
  choices: Array<Partial<Omit<ChatCompletionChoice, 'message'>> & { message?: any }>,
): ChatCompletion => {
  const value = {
    id: 'chatcmpl-1',
    object: 'chat.completion' as const,
    created: 1,
    model: 'm',
    choices: choices.map((c, index) => ({
      index,
      finish_reason: 'stop' as const,
      logprobs: null,
      ...c,
      message: { role: 'assistant' as const, content: null, refusal: null, ...c.message },
    })),
  }
  Object.defineProperty(value, '_request_id', { value: 'req_1', enumerable: false })
  return value
}
const schemaFormat = { type: 'json_schema', json_schema: { name: 'x', schema: {} } }
const strictTool = { type: 'function', function: { name: 'f', strict: true, parameters: {} } }

describe('parseCompletion', () => {
  it('parses the content of a json_schema format and the arguments of strict tools', () => {
    const parsed = parseCompletion(
      completion([
        {
          message: {
            content: '{"a":1}',
            tool_calls: [
              { id: 'c1', type: 'function', function: { name: 'f', arguments: '{"b":2}' } },
              { id: 'c2', type: 'function', function: { name: 'loose', arguments: '{"c":3}' } },
              { id: 'c3', type: 'custom', custom: { name: 'k', input: 'raw' } },
            ],
          },
        },
      ]),
      {
        response_format: schemaFormat,
        tools: [strictTool, { type: 'function', function: { name: 'loose' } }],
      },
    )
    expect(parsed.choices[0].message.parsed).toEqual({ a: 1 })
    expect(parsed.choices[0].message.tool_calls).toEqual([
      {
        id: 'c1',
        type: 'function',
        function: { name: 'f', arguments: '{"b":2}', parsed_arguments: { b: 2 } },
      },
      {
        id: 'c2',
        type: 'function',
        function: { name: 'loose', arguments: '{"c":3}', parsed_arguments: null },
      },
      { id: 'c3', type: 'custom', custom: { name: 'k', input: 'raw' } },
    ])
    expect((parsed as any)._request_id).toBe('req_1')
  })

  it('uses the parser of an auto-parseable format and leaves refusals unparsed', () => {
    const format = Object.defineProperties(
      { type: 'json_schema', json_schema: { name: 'x' } },
      {
        $brand: { value: 'auto-parseable-response-format' },
        $parseRaw: { value: (s: string) => `parsed:${s}` },
      },
    )
    const parsed = parseCompletion(
      completion([{ message: { content: 'abc' } }, { message: { content: 'x', refusal: 'no' } }]),
      { response_format: format },
    )
    expect(parsed.choices.map((c) => c.message.parsed)).toEqual(['parsed:abc', null])
  })

  it('throws typed errors for unfinished choices and a clear one for bad JSON', () => {
    expect(() => parseCompletion(completion([{ finish_reason: 'length' }]), {})).toThrow(
      LengthFinishReasonError,
    )
    expect(() => parseCompletion(completion([{ finish_reason: 'content_filter' }]), {})).toThrow(
      ContentFilterFinishReasonError,
    )
    expect(new LengthFinishReasonError()).toBeInstanceOf(OpenAIError)
    expect(new LengthFinishReasonError().name).toBe('LengthFinishReasonError')
    // Raw formats are parsed with JSON.parse here; parseChatCompletion rewords its error (see its tests).
    expect(() =>
      parseCompletion(completion([{ message: { content: '{"a": tru' } }]), { response_format: schemaFormat }),
    ).toThrow(SyntaxError)
  })
})

describe('addParsed and validateInputTools', () => {
  it('parses without throwing, and leaves cut choices unparsed', () => {
    const cut = completion([{ finish_reason: 'length', message: { content: '{"a":' } }])
    expect(addParsed(cut, { response_format: schemaFormat }).choices[0].message).toEqual({
      role: 'assistant',
      content: '{"a":',
      refusal: null,
      parsed: null,
    })
    expect(() => parseCompletion(cut, { response_format: { type: 'json_object' } })).toThrow(
      LengthFinishReasonError,
    )
    const plain = addParsed(completion([{ message: { content: '{"a":1}' } }]), {
      response_format: { type: 'text' },
    })
    expect(plain.choices[0].message.parsed).toBe(null)
  })

  it('refuses non-strict function tools with the official message', () => {
    expect(() => validateInputTools([strictTool, { type: 'custom', custom: { name: 'k' } }])).not.toThrow()
    expect(() => validateInputTools([{ type: 'function', function: { name: 'get_weather' } }])).toThrow(
      new OpenAIError(
        'The `get_weather` tool is not marked with `strict: true`. Only strict function tools can be auto-parsed',
      ),
    )
    expect(() => validateInputTools([{ type: 'file_search' }])).toThrow(
      'Currently only `function` and `custom` tool types are supported; Received `file_search`',
    )
  })
})
