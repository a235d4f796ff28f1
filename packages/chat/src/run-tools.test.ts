import { OpenAIError } from '@acme/openai-core'
import { beforeEach, describe, expect, expectTypeOf, it } from 'vitest'
import { client, mock, useMockClient } from '../../../tests/support/mock-client'
import { type ChatCompletionRunner, type RunnableTool, runTools } from './run-tools'
import type { ChatCompletionChunk } from './types/chat-completion-chunk'
import type { ChatCompletionMessageParam } from './types/chat-completion-params'

useMockClient()

const parameters = {
  type: 'object',
  properties: { city: { type: 'string' } },
  required: ['city'],
  additionalProperties: false,
}
const calls: unknown[] = []
function get_weather(args: { city: string }) {
  calls.push(args)
  return { city: args.city, celsius: 21 }
}
const weather: RunnableTool<{ city: string }> = {
  type: 'function',
  function: { function: get_weather, parameters },
}
const question: ChatCompletionMessageParam = { role: 'user', content: 'What is the weather in Paris?' }
beforeEach(() => {
  calls.length = 0
})

/** A scripted completion whose first choice makes these tool calls. */
const toolCallsReply = (toolCalls: Array<{ id: string; name: string; arguments: string }>) => ({
  status: 200,
  body: {
    id: 'chatcmpl-scripted',
    object: 'chat.completion',
    created: 1,
    model: 'gpt-5.4',
    choices: [
      {
        index: 0,
        finish_reason: 'tool_calls',
        logprobs: null,
        message: {
          role: 'assistant',
          content: null,
          refusal: null,
          tool_calls: toolCalls.map(({ id, name, arguments: args }) => ({
            id,
            type: 'function',
            function: { name, arguments: args },
          })),
        },
      },
    ],
  },
})

describe('runTools', () => {
  it('calls the function, sends its result back and ends at the final answer', async () => {
    const runner = runTools(client, { model: 'gpt-5.4', messages: [question], tools: [weather] })
    const events: string[] = []
    runner.on('functionToolCall', (call) => events.push(`call ${call.name} ${call.arguments}`))
    runner.on('functionToolCallResult', (content) => events.push(`result ${content}`))
    runner.on('finalContent', (content) => events.push(`final ${content}`))
    expect(await runner.finalContent()).toBe('Hello! You said: {"city":"Paris","celsius":21}')
    expect(calls).toEqual([{ city: 'Paris' }])
    expect(events).toEqual([
      'call get_weather {"city":"Paris"}',
      'result {"city":"Paris","celsius":21}',
      'final Hello! You said: {"city":"Paris","celsius":21}',
    ])
    expect(runner.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'tool', 'assistant'])
    expect(runner.chatCompletions).toHaveLength(2)
    expect(await runner.totalUsage()).toEqual({
      // The mock counts ~4 characters a token: 29 + 60 characters of prompt, 16 + 46 of answers.
      prompt_tokens: 8 + 15,
      completion_tokens: 4 + 12,
      total_tokens: 12 + 27,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: {
        reasoning_tokens: 0,
        audio_tokens: 0,
        accepted_prediction_tokens: 0,
        rejected_prediction_tokens: 0,
      },
    })

    const [first, second] = mock.requests
    const wireTool = { type: 'function', function: { name: 'get_weather', parameters } }
    expect(first.json).toEqual({
      model: 'gpt-5.4',
      messages: [question],
      tool_choice: 'auto',
      tools: [wireTool],
      stream: false,
    })
    expect(first.headers['x-stainless-helper-method']).toBe('runTools')
    expect(second.json).toEqual({
      model: 'gpt-5.4',
      tool_choice: 'auto',
      tools: [wireTool],
      stream: false,
      messages: [
        question,
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: 'call_mock_0001',
              type: 'function',
              function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
            },
          ],
        },
        { role: 'tool', tool_call_id: 'call_mock_0001', content: '{"city":"Paris","celsius":21}' },
      ],
    })
  })

  it('feeds an unknown tool name and unparsable arguments back to the model', async () => {
    mock.enqueueFault(
      toolCallsReply([
        { id: 'call_1', name: 'get_time', arguments: '{}' },
        { id: 'call_2', name: 'get_weather', arguments: '{city' },
      ]),
    )
    const runner = runTools(client, { model: 'gpt-5.4', messages: [question], tools: [weather] })
    await runner.done()
    const jsonError = (() => {
      try {
        JSON.parse('{city')
      } catch (error) {
        return (error as Error).message
      }
    })()
    expect(runner.messages.filter((m) => m.role === 'tool')).toEqual([
      {
        role: 'tool',
        tool_call_id: 'call_1',
        content: 'Invalid tool_call: "get_time". Available options are: "get_weather". Please try again',
      },
      { role: 'tool', tool_call_id: 'call_2', content: jsonError },
    ])
    expect(calls).toEqual([])
    expect(mock.requests).toHaveLength(2)
  })

  it('stops at the step limit, after running the last tool calls', async () => {
    const runner = runTools(
      client,
      { model: 'gpt-5.4', messages: [question], tools: [weather] },
      { maxChatCompletions: 1 },
    )
    expect(await runner.finalContent()).toBe(null)
    expect((await runner.finalMessage()).tool_calls).toHaveLength(1)
    expect(calls).toEqual([{ city: 'Paris' }])
    expect(runner.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'tool'])
    expect(mock.requests).toHaveLength(1)
  })

  it('streams every step when asked, with the stream events', async () => {
    const runner = runTools(client, {
      model: 'gpt-5.4',
      messages: [question],
      tools: [weather],
      stream: true,
    })
    const deltas: string[] = []
    runner.on('content.delta', ({ delta }) => deltas.push(delta))
    const argsDone: string[] = []
    runner.on('tool_calls.function.arguments.done', (e) => argsDone.push(e.arguments))
    const chunks: ChatCompletionChunk[] = []
    for await (const chunk of runner) chunks.push(chunk)
    expect(deltas.join('')).toBe('Hello! You said: {"city":"Paris","celsius":21}')
    expect(argsDone).toEqual(['{"city":"Paris"}'])
    expect([...new Set(chunks.map((c) => c.id))]).toEqual(runner.chatCompletions.map((c) => c.id))
    expect(runner.chatCompletions).toHaveLength(2)
    expect(await runner.finalContent()).toBe('Hello! You said: {"city":"Paris","celsius":21}')
    expect(
      mock.requests.map((r) => [(r.json as any).stream, r.headers['x-stainless-helper-method']]),
    ).toEqual([
      [true, 'runTools'],
      [true, 'runTools'],
    ])
  })

  it('stops after a forced function was called', async () => {
    const runner = runTools(client, {
      model: 'gpt-5.4',
      messages: [{ role: 'user', content: 'Anything' }],
      tools: [weather],
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
    })
    await runner.done()
    expect(calls).toEqual([{ city: 'Paris' }])
    expect(mock.requests).toHaveLength(1)
  })

  it('ends with the error a tool function throws, and refuses bad settings', async () => {
    const failing: RunnableTool = {
      type: 'function',
      function: {
        name: 'get_weather',
        parameters,
        function: () => {
          throw new Error('weather service down')
        },
      },
    }
    const runner = runTools(client, { model: 'gpt-5.4', messages: [question], tools: [failing] })
    const errors: unknown[] = []
    runner.on('error', (e) => errors.push(e))
    const error = await runner.done().catch((e) => e)
    expect(error).toBeInstanceOf(OpenAIError)
    expect(error.message).toBe('weather service down')
    expect(error.cause).toBeInstanceOf(Error)
    expect(errors).toEqual([error])

    const many = runTools(client, { model: 'm', messages: [question], tools: [weather], n: 2 })
    await expect(many.done()).rejects.toThrow(
      'runTools supports only n = 1 (one choice per step); use createChatCompletion directly for n > 1.',
    )
    const none = runTools(
      client,
      { model: 'm', messages: [question], tools: [weather] },
      { maxChatCompletions: 0 },
    )
    await expect(none.done()).rejects.toThrow('maxChatCompletions must be a positive integer, got 0')
    const anonymous = runTools(client, {
      model: 'm',
      messages: [question],
      // A property name would name an inline arrow function; this one stays anonymous.
      tools: [{ type: 'function', function: { function: [() => 1][0], parameters } }],
    })
    await expect(anonymous.done()).rejects.toThrow('A runTools tool needs a name')
  })

  it('passes parsed arguments typed by the tool', () => {
    const types = () => {
      const runner = runTools(client, { model: 'm', messages: [question], tools: [weather] })
      expectTypeOf(runner).toEqualTypeOf<ChatCompletionRunner<null>>()
      expectTypeOf(runner.finalContent()).toEqualTypeOf<Promise<string | null>>()
      runner.on('functionToolCall', (call) => expectTypeOf(call.arguments).toBeString())
      const tool: RunnableTool<{ n: number }> = {
        type: 'function',
        function: { name: 'double', parameters: {}, function: (args) => expectTypeOf(args.n).toBeNumber() },
      }
      return tool
    }
    expect(types).toBeTypeOf('function')
  })
})
