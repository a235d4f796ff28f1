import { OpenAIError } from '@acme/openai-core'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { z } from 'zod'
import { client, mock, useMockClient } from '../../../../tests/support/mock-client'
import { ResponseIncompleteError, ResponseParseError, ResponseRefusalError } from './parse-errors'
import { parseResponse } from './parse-response'
import { zodResponsesFunction } from './zod-responses-function'
import { zodTextFormat } from './zod-text-format'

useMockClient()

const CalendarEvent = z.object({ name: z.string(), date: z.string(), participants: z.array(z.string()) })

function messageResponse(content: unknown[], fields: Record<string, unknown> = {}) {
  return {
    id: 'resp_1',
    object: 'response',
    status: 'completed',
    output: [{ id: 'msg_1', type: 'message', role: 'assistant', status: 'completed', content }],
    ...fields,
  }
}

describe('parseResponse', () => {
  it('validates the output with the zod schema into output_parsed', async () => {
    const format = zodTextFormat(CalendarEvent, 'event')
    const response = await parseResponse(client, {
      model: 'gpt-5.4',
      input: 'Alice and Bob are going to a science fair on Friday.',
      text: { format },
    })
    expect(response.output_parsed).toEqual({ name: 'example', date: 'example', participants: [] })
    expect((response.output[0] as any).content[0].parsed).toEqual(response.output_parsed)
    expect(response.output_text).toBe('{"name":"example","date":"example","participants":[]}')
    expect(mock.requests[0].json).toEqual({
      model: 'gpt-5.4',
      input: 'Alice and Bob are going to a science fair on Friday.',
      text: { format: JSON.parse(JSON.stringify(format)) },
    })
    expectTypeOf(response.output_parsed).toEqualTypeOf<z.infer<typeof CalendarEvent> | null>()
  })

  it('JSON-parses a plain json_schema format', async () => {
    const response = await parseResponse(client, {
      model: 'gpt-5.4',
      input: 'x',
      text: {
        format: {
          type: 'json_schema',
          name: 'n',
          strict: true,
          schema: {
            type: 'object',
            properties: { n: { type: 'number' } },
            required: ['n'],
            additionalProperties: false,
          },
        },
      },
    })
    expect(response.output_parsed).toEqual({ n: 1 })
    expectTypeOf(response.output_parsed).toEqualTypeOf<unknown>()
  })

  it('leaves output_parsed null without a structured format', async () => {
    const response = await parseResponse(client, { model: 'gpt-5.4', input: 'hi' })
    expect(response.output_parsed).toBeNull()
    expect(response.output_text).toBe('Hello! You said: hi')
  })

  it('parses the arguments of strict function tools', async () => {
    const response = await parseResponse(client, {
      model: 'gpt-5.4',
      input: 'What is the weather in Paris?',
      tools: [
        {
          type: 'function',
          name: 'get_weather',
          strict: true,
          parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
        },
      ],
    })
    expect((response.output[0] as any).parsed_arguments).toEqual({ city: 'Paris' })
    expect(response.output_parsed).toBeNull()
  })

  it('validates the arguments of zodResponsesFunction calls into typed parsed_arguments', async () => {
    const getWeather = zodResponsesFunction({
      name: 'get_weather',
      parameters: z.object({ city: z.string(), unit: z.enum(['c', 'f']).nullable() }),
      description: 'Weather now',
    })
    const getTime = zodResponsesFunction({ name: 'get_time', parameters: z.object({ zone: z.string() }) })
    const response = await parseResponse(client, {
      model: 'gpt-5.4',
      input: 'What is the weather in Paris?',
      tools: [getWeather, getTime],
    })
    const [call] = response.output
    expect(call).toMatchObject({ type: 'function_call', name: 'get_weather' })
    expect((call as any).parsed_arguments).toEqual({ city: 'Paris', unit: 'c' })
    expect(mock.requests[0].json).toMatchObject({
      tools: [JSON.parse(JSON.stringify(getWeather)), JSON.parse(JSON.stringify(getTime))],
    })
    for (const item of response.output) {
      if (item.type !== 'function_call') continue
      if (item.name === 'get_weather')
        expectTypeOf(item.parsed_arguments).toEqualTypeOf<{ city: string; unit: 'c' | 'f' | null }>()
      else expectTypeOf(item.parsed_arguments).toEqualTypeOf<{ zone: string }>()
    }
  })

  it('throws ResponseParseError for tool arguments that do not match the schema', async () => {
    mock.enqueueFault({
      status: 200,
      body: {
        ...messageResponse([]),
        output: [{ type: 'function_call', call_id: 'c', name: 'get_weather', arguments: '{"town":"Paris"}' }],
      },
    })
    const error = await parseResponse(client, {
      model: 'gpt-5.4',
      input: 'x',
      tools: [zodResponsesFunction({ name: 'get_weather', parameters: z.object({ city: z.string() }) })],
    }).catch((e) => e)
    expect(error).toBeInstanceOf(ResponseParseError)
    expect(error.message).toBe(
      'The arguments of the get_weather call do not match its parameters schema; see `cause` for the issues.',
    )
    expect(error.cause.issues.map((i: any) => i.path.join('.'))).toEqual(['city'])
  })

  it('throws ResponseIncompleteError for an incomplete response', async () => {
    const error = await parseResponse(client, {
      model: 'gpt-5.4',
      input: 'x',
      max_output_tokens: 2,
      text: { format: zodTextFormat(CalendarEvent, 'event') },
    }).catch((e) => e)
    expect(error).toBeInstanceOf(ResponseIncompleteError)
    expect(error).toBeInstanceOf(OpenAIError)
    expect(error.reason).toBe('max_output_tokens')
    expect(error.response.status).toBe('incomplete')
    expect(error.message).toBe(
      'The response is incomplete (max_output_tokens), so its structured output cannot be parsed. Raise max_output_tokens.',
    )
  })

  it('throws ResponseRefusalError when the model refuses', async () => {
    mock.enqueueFault({
      status: 200,
      body: messageResponse([{ type: 'refusal', refusal: "I can't help with that." }]),
    })
    const error = await parseResponse(client, {
      model: 'gpt-5.4',
      input: 'x',
      text: { format: zodTextFormat(CalendarEvent, 'event') },
    }).catch((e) => e)
    expect(error).toBeInstanceOf(ResponseRefusalError)
    expect(error.refusal).toBe("I can't help with that.")
    expect(error.response.id).toBe('resp_1')
    expect(error.message).toBe(
      "The model refused to answer, so there is no structured output to parse: I can't help with that.",
    )
  })

  it('throws ResponseParseError for output that does not match the schema', async () => {
    mock.enqueueFault({
      status: 200,
      body: messageResponse([{ type: 'output_text', text: '{"name": 1}', annotations: [] }]),
    })
    const error = await parseResponse(client, {
      model: 'gpt-5.4',
      input: 'x',
      text: { format: zodTextFormat(CalendarEvent, 'event') },
    }).catch((e) => e)
    expect(error).toBeInstanceOf(ResponseParseError)
    expect(error.cause.issues.map((i: any) => i.path.join('.'))).toEqual(['name', 'date', 'participants'])
  })

  it('skips commentary messages and parses the final answer', async () => {
    mock.enqueueFault({
      status: 200,
      body: {
        ...messageResponse([]),
        output: [
          { type: 'message', phase: 'commentary', content: [{ type: 'output_text', text: 'thinking...' }] },
          { type: 'message', phase: 'final_answer', content: [{ type: 'output_text', text: '{"n":2}' }] },
        ],
      },
    })
    const response = await parseResponse(client, {
      model: 'gpt-5.4',
      input: 'x',
      text: { format: zodTextFormat(z.object({ n: z.number() }), 'n') },
    })
    expect(response.output_parsed).toEqual({ n: 2 })
  })

  it('refuses stream: true', () => {
    expect(() => parseResponse(client, { model: 'm', input: 'x', stream: true } as any)).toThrow(
      'parseResponse does not stream; use streamParsedResponse for a streamed response with parsed output.',
    )
  })
})
