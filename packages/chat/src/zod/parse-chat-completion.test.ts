import { type APIPromise, OpenAIError } from '@acme/openai-core'
import { describe, expect, expectTypeOf, it } from 'vitest'
import * as z from 'zod'
import { client, mock, useMockClient } from '../../../../tests/support/mock-client'
import { ContentFilterFinishReasonError, LengthFinishReasonError } from '../finish-reason-errors'
import { runTools } from '../run-tools'
import { streamChatCompletion } from '../stream-chat-completion'
import type { ParsedChatCompletion } from '../types/parsed-chat-completion'
import { parseChatCompletion } from './parse-chat-completion'
import { zodFunction } from './zod-function'
import { zodResponseFormat } from './zod-response-format'

useMockClient()

const City = z.object({ city: z.string(), population: z.number(), landmarks: z.array(z.string()) })
const cityFormat = zodResponseFormat(City, 'city_facts')
const ask = (content: string) => [{ role: 'user' as const, content }]

describe('parseChatCompletion', () => {
  it('gives message.parsed validated by the zod schema and sends the helper header', async () => {
    const completion = await parseChatCompletion(client, {
      model: 'gpt-5.4',
      messages: ask('Facts about the capital of France'),
      response_format: cityFormat,
    })
    expect(completion.choices[0].message.parsed).toEqual({ city: 'Paris', population: 1, landmarks: [] })
    expect((completion as any)._request_id).toMatch(/^req_/)
    const sent = mock.requests[0]
    expect(sent.headers['x-stainless-helper-method']).toBe('chat.completions.parse')
    expect((sent.json as any).response_format).toEqual(JSON.parse(JSON.stringify(cityFormat)))
    expectTypeOf(completion.choices[0].message.parsed).toEqualTypeOf<z.infer<typeof City> | null>()
  })

  it('parses the arguments of zod tools and strict tools', async () => {
    const getWeather = zodFunction({ name: 'get_weather', parameters: z.object({ location: z.string() }) })
    const completion = await parseChatCompletion(client, {
      model: 'gpt-5.4',
      messages: ask('weather in Lyon?'),
      tools: [getWeather],
    })
    const [call] = completion.choices[0].message.tool_calls!
    expect(call).toEqual({
      id: expect.stringMatching(/^call_mock_/),
      type: 'function',
      function: {
        name: 'get_weather',
        arguments: '{"location":"Paris"}',
        parsed_arguments: { location: 'Paris' },
      },
    })
    expect(completion.choices[0].message.parsed).toBe(null)
  })

  it('rejects with typed errors for length and content_filter, and refuses non-strict tools', async () => {
    const cut = await parseChatCompletion(client, {
      model: 'gpt-5.4',
      messages: ask('Long answer please'),
      response_format: cityFormat,
      max_completion_tokens: 2,
    }).catch((e) => e)
    expect(cut).toBeInstanceOf(LengthFinishReasonError)

    mock.enqueueFault({
      status: 200,
      body: {
        id: 'chatcmpl-f',
        object: 'chat.completion',
        created: 1,
        model: 'm',
        choices: [
          {
            index: 0,
            finish_reason: 'content_filter',
            logprobs: null,
            message: { role: 'assistant', content: null, refusal: null },
          },
        ],
      },
    })
    const filtered = await parseChatCompletion(client, {
      model: 'm',
      messages: ask('x'),
      response_format: cityFormat,
    }).catch((e) => e)
    expect(filtered).toBeInstanceOf(ContentFilterFinishReasonError)
    expect(filtered.message).toBe(
      'Could not parse response content as the request was rejected by the content filter; rephrase the request.',
    )

    expect(() =>
      parseChatCompletion(client, {
        model: 'm',
        messages: ask('x'),
        tools: [{ type: 'function', function: { name: 'get_weather', parameters: {} } }],
      }),
    ).toThrow(
      new OpenAIError(
        'The `get_weather` tool is not marked with `strict: true`. Only strict function tools can be auto-parsed',
      ),
    )
  })

  it('rewords invalid JSON for a raw json_schema format', async () => {
    mock.enqueueFault({
      status: 200,
      body: {
        id: 'chatcmpl-j',
        object: 'chat.completion',
        created: 1,
        model: 'm',
        choices: [
          {
            index: 0,
            finish_reason: 'stop',
            logprobs: null,
            message: { role: 'assistant', content: '{"city": Par', refusal: null },
          },
        ],
      },
    })
    const raw = { type: 'json_schema' as const, json_schema: { name: 'place', schema: { type: 'object' } } }
    await expect(
      parseChatCompletion(client, { model: 'm', messages: ask('x'), response_format: raw }),
    ).rejects.toThrow(new SyntaxError('Error reading response: invalid structured output JSON.'))
  })

  it('is typed from the response format', () => {
    const types = () => {
      const result = parseChatCompletion(client, {
        model: 'm',
        messages: ask('x'),
        response_format: cityFormat,
      })
      expectTypeOf(result).toEqualTypeOf<APIPromise<ParsedChatCompletion<z.infer<typeof City>>>>()
      const plain = parseChatCompletion(client, { model: 'm', messages: ask('x') })
      expectTypeOf(plain).toEqualTypeOf<APIPromise<ParsedChatCompletion<null>>>()
      // @ts-expect-error parse does not stream
      parseChatCompletion(client, { model: 'm', messages: ask('x'), stream: true })
    }
    expect(types).toBeTypeOf('function')
  })
})

describe('zod helpers with streaming and runTools', () => {
  it('streams a structured output and parses it with the schema', async () => {
    const stream = streamChatCompletion(client, {
      model: 'gpt-5.4',
      messages: ask('A city'),
      response_format: cityFormat,
    })
    let parsedOnDone: unknown
    stream.on('content.done', (e) => (parsedOnDone = e.parsed))
    const message = await stream.finalMessage()
    expect(message.parsed).toEqual({ city: 'Paris', population: 1, landmarks: [] })
    expect(parsedOnDone).toEqual(message.parsed)
    expectTypeOf(message.parsed).toEqualTypeOf<z.infer<typeof City> | null>()
  })

  it('runs zod tools with validated arguments', async () => {
    const seen: unknown[] = []
    const getWeather = zodFunction({
      name: 'get_weather',
      parameters: z.object({ location: z.string() }),
      function: (args) => {
        expectTypeOf(args).toEqualTypeOf<{ location: string }>()
        seen.push(args)
        return `Sunny in ${args.location}`
      },
    })
    const runner = runTools(client, {
      model: 'gpt-5.4',
      messages: ask('weather in Lyon?'),
      tools: [getWeather],
    })
    expect(await runner.finalContent()).toBe('Hello! You said: Sunny in Paris')
    expect(seen).toEqual([{ location: 'Paris' }])
    expect((mock.requests[0].json as any).tools).toEqual([JSON.parse(JSON.stringify(getWeather))])

    const mute = zodFunction({ name: 'get_weather', parameters: z.object({ location: z.string() }) })
    await expect(runTools(client, { model: 'm', messages: ask('x'), tools: [mute] }).done()).rejects.toThrow(
      'The `get_weather` tool given to runTools has no function to call; pass `function` to zodFunction.',
    )
  })
})
