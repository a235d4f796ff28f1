import { APIError, APIUserAbortError, createClient, OpenAIError } from '@acme/openai-core'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { client, mock, useMockClient } from '../../../tests/support/mock-client'
import { createChatCompletion } from './create-chat-completion'
import { streamChatCompletion } from './stream-chat-completion'
import type { ChatCompletionTokenLogprob } from './types/chat-completion'
import type { ChatCompletionChunk } from './types/chat-completion-chunk'
import type {
  LogProbsContentDeltaEvent,
  LogProbsRefusalDoneEvent,
} from './types/chat-completion-stream-events'
import type { ParsedChatCompletion } from './types/parsed-chat-completion'

useMockClient()

const user = (content: string) => ({ role: 'user' as const, content })
const weatherTool = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    strict: true,
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' } },
      required: ['city'],
      additionalProperties: false,
    },
  },
}

describe('streamChatCompletion', () => {
  it('emits content events in order and accumulates the final completion', async () => {
    const stream = streamChatCompletion(client, { model: 'gpt-5.4', messages: [user('Hi there')] })
    const events: string[] = []
    const deltas: string[] = []
    for (const name of ['connect', 'chunk', 'content.done', 'end'] as const)
      stream.on(name, () => events.push(name))
    stream.on('content.delta', ({ delta, snapshot }) => deltas.push(`${delta}|${snapshot}`))
    let done: unknown
    stream.on('content.done', (event) => (done = event))

    const completion = await stream.finalChatCompletion()
    expect(deltas).toEqual([
      'Hello! |Hello! ',
      'You |Hello! You ',
      'said: |Hello! You said: ',
      'Hi |Hello! You said: Hi ',
      'there|Hello! You said: Hi there',
    ])
    expect(done).toEqual({ content: 'Hello! You said: Hi there', parsed: null })
    expect(events).toEqual(['connect', ...Array(7).fill('chunk'), 'content.done', 'end'])
    expect(completion).toEqual({
      id: 'chatcmpl-mock_0001',
      object: 'chat.completion',
      created: expect.any(Number),
      model: 'gpt-5.4',
      service_tier: 'default',
      system_fingerprint: 'fp_mock',
      choices: [
        {
          index: 0,
          finish_reason: 'stop',
          logprobs: null,
          message: { role: 'assistant', content: 'Hello! You said: Hi there', refusal: null, parsed: null },
        },
      ],
    })
    expect(await stream.finalContent()).toBe('Hello! You said: Hi there')
    expect(stream.ended).toBe(true)
    expect(stream.errored).toBe(false)
    const [sent] = mock.requests
    expect(sent.json).toEqual({ model: 'gpt-5.4', messages: [user('Hi there')], stream: true })
    expect(sent.headers['x-stainless-helper-method']).toBe('stream')
  })

  it('matches what the non-streaming call returns, with usage when asked', async () => {
    const params = { model: 'gpt-5.4', messages: [user('Same answer?')], store: false }
    const plain = await createChatCompletion(client, params)
    const streamed = await streamChatCompletion(client, {
      ...params,
      stream_options: { include_usage: true },
    }).finalChatCompletion()
    const { id: _a, created: _b, choices: plainChoices, ...plainRest } = plain
    const { id: _c, created: _d, choices: streamedChoices, ...streamedRest } = streamed
    expect(streamedRest).toEqual(plainRest)
    expect(streamedChoices[0].message.content).toBe(plainChoices[0].message.content)
  })

  it('emits tool-call argument events per index and parses strict tool arguments', async () => {
    const stream = streamChatCompletion(client, {
      model: 'gpt-5.4',
      messages: [user('What is the weather in Paris?')],
      tools: [weatherTool],
    })
    const deltas: string[] = []
    const done: unknown[] = []
    stream.on('tool_calls.function.arguments.delta', (e) => deltas.push(`${e.index}:${e.arguments_delta}`))
    stream.on('tool_calls.function.arguments.done', (e) => done.push(e))
    const message = await stream.finalMessage()
    expect(deltas).toEqual(['0:', '0:{"city', '0:":"Par', '0:is"}'])
    expect(done).toEqual([
      { name: 'get_weather', index: 0, arguments: '{"city":"Paris"}', parsed_arguments: { city: 'Paris' } },
    ])
    expect(message.tool_calls).toEqual([
      {
        id: 'call_mock_0001',
        type: 'function',
        function: { name: 'get_weather', arguments: '{"city":"Paris"}', parsed_arguments: { city: 'Paris' } },
      },
    ])
    expect(await stream.finalContent()).toBe(null)
  })

  it('accumulates refusals, several tool calls and several choices from a scripted stream', async () => {
    const base = { id: 'chatcmpl-x', object: 'chat.completion.chunk', created: 1, model: 'm' }
    const frame = (choices: unknown[]) => `data: ${JSON.stringify({ ...base, choices })}\n\n`
    mock.enqueueFault({
      sse: {
        chunks: [
          frame([{ index: 0, delta: { role: 'assistant', refusal: 'I cannot' }, finish_reason: null }]),
          frame([
            {
              index: 1,
              delta: {
                role: 'assistant',
                tool_calls: [
                  { index: 0, id: 'a', type: 'function', function: { name: 'f', arguments: '{}' } },
                ],
              },
              finish_reason: null,
            },
          ]),
          frame([
            {
              index: 1,
              delta: {
                tool_calls: [
                  { index: 1, id: 'b', type: 'function', function: { name: 'g', arguments: '[1' } },
                ],
              },
              finish_reason: null,
            },
          ]),
          frame([{ index: 0, delta: { refusal: ' help.' }, finish_reason: 'stop' }]),
          frame([
            {
              index: 1,
              delta: { tool_calls: [{ index: 1, function: { arguments: ']' } }] },
              finish_reason: 'tool_calls',
            },
          ]),
          'data: [DONE]\n\n',
        ],
      },
    })
    const stream = streamChatCompletion(client, { model: 'm', messages: [user('x')], n: 2 })
    const log: string[] = []
    stream.on('refusal.delta', (e) => log.push(`refusal.delta ${e.snapshot}`))
    stream.on('refusal.done', (e) => log.push(`refusal.done ${e.refusal}`))
    stream.on('tool_calls.function.arguments.done', (e) =>
      log.push(`args.done ${e.index} ${e.name} ${e.arguments}`),
    )
    stream.on('content.done', () => log.push('content.done'))
    const completion = await stream.finalChatCompletion()
    expect(log).toEqual([
      'refusal.delta I cannot',
      'args.done 0 f {}',
      'refusal.delta I cannot help.',
      'refusal.done I cannot help.',
      'args.done 1 g [1]',
    ])
    expect(completion.choices.map((c) => c.message.refusal ?? c.message.tool_calls?.length)).toEqual([
      'I cannot help.',
      2,
    ])
  })

  it('emits log-probability events after the text events, with the choice snapshot, per choice', async () => {
    const base = { id: 'chatcmpl-x', object: 'chat.completion.chunk', created: 1, model: 'm' }
    const frame = (choices: unknown[]) => `data: ${JSON.stringify({ ...base, choices })}\n\n`
    const tok = (token: string) => ({ token, logprob: -token.length / 10, bytes: null, top_logprobs: [] })
    const part = (
      index: number,
      delta: object,
      logprobs: object | null,
      finish_reason: string | null = null,
    ) => ({
      index,
      delta,
      logprobs,
      finish_reason,
    })
    mock.enqueueFault({
      sse: {
        chunks: [
          frame([part(0, { role: 'assistant', content: '' }, null), part(1, { role: 'assistant' }, null)]),
          frame([part(0, { content: 'Hi' }, { content: [tok('Hi')], refusal: null })]),
          frame([part(1, { refusal: 'No' }, { content: null, refusal: [tok('No')] })]),
          frame([part(0, { content: ' all' }, { content: [tok(' '), tok('all')], refusal: null })]),
          frame([part(1, {}, null, 'stop'), part(0, {}, { content: [], refusal: null }, 'stop')]),
          'data: [DONE]\n\n',
        ],
      },
    })
    const stream = streamChatCompletion(client, { model: 'm', messages: [user('x')], n: 2, logprobs: true })
    const log: string[] = []
    const tokens = (list: { token: string }[]) => list.map((t) => t.token).join('|')
    stream.on('chunk', () => log.push('chunk'))
    stream.on('content.delta', (e) => log.push(`content.delta ${e.delta}`))
    stream.on('content.done', (e) => log.push(`content.done ${e.content}`))
    stream.on('refusal.delta', (e) => log.push(`refusal.delta ${e.delta}`))
    stream.on('refusal.done', (e) => log.push(`refusal.done ${e.refusal}`))
    // Snapshots are the live arrays (as in the official helper), so read them when the event fires.
    stream.on('logprobs.content.delta', (e) =>
      log.push(`lp.content.delta ${tokens(e.content)} / ${tokens(e.snapshot)}`),
    )
    stream.on('logprobs.content.done', (e) => log.push(`lp.content.done ${tokens(e.content)}`))
    stream.on('logprobs.refusal.delta', (e) =>
      log.push(`lp.refusal.delta ${tokens(e.refusal)} / ${tokens(e.snapshot)}`),
    )
    stream.on('logprobs.refusal.done', (e) => log.push(`lp.refusal.done ${tokens(e.refusal)}`))
    const completion = await stream.finalChatCompletion()
    expect(log).toEqual([
      'chunk',
      'chunk',
      'content.delta Hi',
      'lp.content.delta Hi / Hi',
      'chunk',
      'refusal.delta No',
      'lp.refusal.delta No / No',
      'chunk',
      'content.delta  all',
      'lp.content.delta  |all / Hi| |all',
      'chunk',
      'refusal.done No',
      'lp.refusal.done No',
      // An empty token list still counts as a delta, as in the official helper.
      'lp.content.delta  / Hi| |all',
      'content.done Hi all',
      'lp.content.done Hi| |all',
    ])
    expect(completion.choices.map((c) => c.logprobs)).toEqual([
      { content: [tok('Hi'), tok(' '), tok('all')], refusal: null },
      { content: null, refusal: [tok('No')] },
    ])
    expect(mock.requests[0].json).toMatchObject({ logprobs: true })
  })

  it('completes the content log probabilities when a tool call starts, once', async () => {
    const base = { id: 'chatcmpl-x', object: 'chat.completion.chunk', created: 1, model: 'm' }
    const frame = (delta: object, logprobs: object | null, finish_reason: string | null = null) =>
      `data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta, logprobs, finish_reason }] })}\n\n`
    const tok = { token: 'Ok', logprob: -0.5, bytes: [79, 107], top_logprobs: [] }
    const call = { index: 0, id: 'c', type: 'function', function: { name: 'f', arguments: '{}' } }
    mock.enqueueFault({
      sse: {
        chunks: [
          frame({ role: 'assistant', content: 'Ok' }, { content: [tok], refusal: null }),
          frame({ tool_calls: [call] }, null),
          frame({}, null, 'tool_calls'),
          'data: [DONE]\n\n',
        ],
      },
    })
    const stream = streamChatCompletion(client, { model: 'm', messages: [user('x')], logprobs: true })
    const log: string[] = []
    stream.on('content.done', () => log.push('content.done'))
    stream.on('logprobs.content.done', (e) => log.push(`lp.content.done ${e.content.length}`))
    stream.on('tool_calls.function.arguments.delta', () => log.push('args.delta'))
    stream.on('tool_calls.function.arguments.done', () => log.push('args.done'))
    await stream.done()
    expect(log).toEqual(['content.done', 'lp.content.done 1', 'args.delta', 'args.done'])
  })

  it('parses the content of a json_schema format on content.done and in the final completion', async () => {
    const stream = streamChatCompletion(client, {
      model: 'gpt-5.4',
      messages: [user('Where?')],
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'place',
          strict: true,
          schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
        },
      },
    })
    let parsedOnDone: unknown
    stream.on('content.done', (e) => (parsedOnDone = e.parsed))
    const completion = await stream.finalChatCompletion()
    expect(parsedOnDone).toEqual({ city: 'Paris' })
    expect(completion.choices[0].message.parsed).toEqual({ city: 'Paris' })
  })

  it('is async-iterable over the raw chunks', async () => {
    const stream = streamChatCompletion(client, { model: 'gpt-5.4', messages: [user('Hi')] })
    const chunks: ChatCompletionChunk[] = []
    for await (const chunk of stream) chunks.push(chunk)
    expect(chunks.map((c) => c.choices[0].delta.content ?? `[${c.choices[0].finish_reason}]`)).toEqual([
      '',
      'Hello! ',
      'You ',
      'said: ',
      'Hi',
      '[stop]',
    ])
    expect(stream.currentChatCompletionSnapshot?.choices[0].message.content).toBe('Hello! You said: Hi')
  })

  it('aborts: the request is cancelled and the results reject with APIUserAbortError', async () => {
    mock.enqueueFault({ delayMs: 5_000 })
    const stream = streamChatCompletion(client, { model: 'gpt-5.4', messages: [user('Hi')] })
    const onAbort: unknown[] = []
    stream.on('abort', (e) => onAbort.push(e))
    const ended = new Promise<void>((resolve) => stream.on('end', resolve))
    setTimeout(() => stream.abort(), 20)
    await expect(stream.finalChatCompletion()).rejects.toBeInstanceOf(APIUserAbortError)
    await ended
    expect(stream.aborted).toBe(true)
    expect(onAbort).toHaveLength(1)
  })

  it("aborts when the caller's signal fires, and when iteration stops early", async () => {
    const controller = new AbortController()
    controller.abort()
    const early = streamChatCompletion(
      client,
      { model: 'm', messages: [user('Hi')] },
      { signal: controller.signal },
    )
    await expect(early.done()).rejects.toBeInstanceOf(APIUserAbortError)

    const stream = streamChatCompletion(client, { model: 'm', messages: [user('one two three four')] })
    for await (const chunk of stream) if (chunk.choices[0]?.delta.content === 'Hello! ') break
    await expect(stream.done()).rejects.toBeInstanceOf(APIUserAbortError)
    expect(stream.controller.signal.aborted).toBe(true)
  })

  it("lets go of the caller's signal once the stream ended", async () => {
    const controller = new AbortController()
    const stream = streamChatCompletion(
      client,
      { model: 'm', messages: [user('Hi')] },
      { signal: controller.signal },
    )
    await stream.done()
    controller.abort()
    expect(stream.controller.signal.aborted).toBe(false)
    expect([stream.ended, stream.aborted]).toEqual([true, false])
  })

  it('reports a mid-stream error to listeners and to the final promises', async () => {
    const stream = streamChatCompletion(client, { model: 'gpt-5.4', messages: [user('trigger error')] })
    const errors: unknown[] = []
    stream.on('error', (e) => errors.push(e))
    const error = await stream.finalContent().catch((e) => e)
    expect(error).toBeInstanceOf(APIError)
    expect(errors).toEqual([error])
    expect(stream.errored).toBe(true)

    mock.enqueueFault({ sse: { chunks: ['data: [DONE]\n\n'] } })
    const empty = streamChatCompletion(client, { model: 'm', messages: [user('x')] })
    await expect(empty.finalChatCompletion()).rejects.toThrow(
      new OpenAIError('Chat completion stream ended without any chunk; was the connection cut?'),
    )
  })

  it('leaves the helper header out when the client turns it off', async () => {
    const quiet = createClient({
      apiKey: 'sk-test',
      baseURL: mock.baseURL,
      defaultHeaders: { 'X-Stainless-Helper-Method': null },
    })
    await streamChatCompletion(quiet, { model: 'm', messages: [user('x')] }).done()
    expect(mock.requests[0].headers['x-stainless-helper-method']).toBe(undefined)
  })

  it('types parsed content from the params', () => {
    const types = () => {
      const plain = streamChatCompletion(client, { model: 'm', messages: [user('x')] })
      expectTypeOf(plain.finalChatCompletion()).toEqualTypeOf<Promise<ParsedChatCompletion<null>>>()
      expectTypeOf(plain.finalContent()).toEqualTypeOf<Promise<string | null>>()
      expectTypeOf(plain[Symbol.asyncIterator]).returns.toEqualTypeOf<AsyncIterator<ChatCompletionChunk>>()
      plain.on('content.delta', (e) => expectTypeOf(e.snapshot).toBeString())
      plain.on('logprobs.content.delta', (e) => {
        expectTypeOf(e).toEqualTypeOf<LogProbsContentDeltaEvent>()
        expectTypeOf(e.snapshot).toEqualTypeOf<ChatCompletionTokenLogprob[]>()
      })
      plain.on('logprobs.content.done', (e) =>
        expectTypeOf(e.content).toEqualTypeOf<ChatCompletionTokenLogprob[]>(),
      )
      plain.on('logprobs.refusal.delta', (e) => {
        expectTypeOf(e.refusal).toEqualTypeOf<ChatCompletionTokenLogprob[]>()
        expectTypeOf(e.snapshot).toEqualTypeOf<ChatCompletionTokenLogprob[]>()
      })
      plain.on('logprobs.refusal.done', (e) => expectTypeOf(e).toEqualTypeOf<LogProbsRefusalDoneEvent>())
      plain.on('chunk', (chunk, snapshot) => {
        expectTypeOf(chunk).toEqualTypeOf<ChatCompletionChunk>()
        expectTypeOf(snapshot.choices[0].message.content).toEqualTypeOf<string | null | undefined>()
      })
      const raw = streamChatCompletion(client, {
        model: 'm',
        messages: [user('x')],
        response_format: { type: 'json_schema', json_schema: { name: 'n' } },
      })
      expectTypeOf(raw.finalMessage()).resolves.toHaveProperty('parsed').toEqualTypeOf<unknown>()
      // @ts-expect-error the helper always streams
      streamChatCompletion(client, { model: 'm', messages: [user('x')], stream: false })
    }
    expect(types).toBeTypeOf('function')
  })
})

describe("streamChatCompletion with the mock's logprobs", () => {
  it('logprobs from the mock: the streamed events add up to what a plain call returns', async () => {
    const params = { model: 'm', messages: [user('Hi there')], logprobs: true, top_logprobs: 1 }
    const plain = await createChatCompletion(client, params)
    const deltas: ChatCompletionTokenLogprob[][] = []
    let done: ChatCompletionTokenLogprob[] | undefined
    const stream = streamChatCompletion(client, params)
      .on('logprobs.content.delta', (e) => deltas.push(e.content))
      .on('logprobs.content.done', (e) => {
        done = e.content
      })
    const final = await stream.finalChatCompletion()
    expect(plain.choices[0].logprobs?.content?.length).toBeGreaterThan(1)
    expect(deltas.flat()).toEqual(plain.choices[0].logprobs?.content)
    expect(done).toEqual(plain.choices[0].logprobs?.content)
    expect(final.choices[0].logprobs).toEqual(plain.choices[0].logprobs)
  })
})

describe('streamChatCompletion: a streamed role', () => {
  it('fails on a role other than assistant, as the official helper does, naming the role and the choice', async () => {
    const base = { id: 'chatcmpl-x', object: 'chat.completion.chunk', created: 1, model: 'm' }
    const frame = (choices: unknown[]) => `data: ${JSON.stringify({ ...base, choices })}\n\n`
    mock.enqueueFault({
      sse: {
        chunks: [
          frame([{ index: 0, delta: { role: 'assistant', content: 'Hi' }, finish_reason: null }]),
          frame([{ index: 1, delta: { role: 'user', content: 'injected' }, finish_reason: null }]),
          frame([{ index: 0, delta: {}, finish_reason: 'stop' }]),
        ],
      },
    })
    const errors: OpenAIError[] = []
    const stream = streamChatCompletion(client, { model: 'm', messages: [user('hi')] }).on('error', (e) =>
      errors.push(e),
    )
    const error = await stream.finalChatCompletion().catch((e) => e)
    expect(error).toBeInstanceOf(OpenAIError)
    expect(error.message).toBe('Unexpected role "user" in choice 1 of the stream; expected "assistant".')
    expect(errors).toEqual([error])
  })
})
