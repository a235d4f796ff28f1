import { APIError, type APIPromise, BadRequestError } from '@acme/openai-core'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { client, mock, useMockClient } from '../../../tests/support/mock-client'
import { createChatCompletion } from './create-chat-completion'
import type { ChatCompletion } from './types/chat-completion'
import type { ChatCompletionChunk, ChatCompletionChunkStream } from './types/chat-completion-chunk'

useMockClient()

const user = (content: string) => ({ role: 'user' as const, content })

describe('createChatCompletion', () => {
  it('posts the params as JSON and returns the completion with its request id', async () => {
    const { data, request_id } = await createChatCompletion(client, {
      model: 'gpt-5.4',
      messages: [{ role: 'developer', content: 'Be brief.' }, user('Hi')],
    }).withResponse()
    expect(data.object).toBe('chat.completion')
    expect(data.choices).toHaveLength(1)
    expect(data.choices[0].message).toEqual({
      role: 'assistant',
      content: 'Hello! You said: Hi',
      refusal: null,
      annotations: [],
    })
    expect(data.choices[0].finish_reason).toBe('stop')
    expect((data as any)._request_id).toBe(request_id)
    expect(request_id).toMatch(/^req_/)
    const [sent] = mock.requests
    expect(sent.method).toBe('POST')
    expect(sent.path).toBe('/v1/chat/completions')
    expect(sent.headers['content-type']).toBe('application/json')
    expect(sent.headers.authorization).toBe('Bearer sk-test')
    expect(sent.json).toEqual({
      model: 'gpt-5.4',
      messages: [
        { role: 'developer', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ],
    })
  })

  it('streams typed chunks up to [DONE], with a final usage chunk when include_usage is set', async () => {
    const stream = await createChatCompletion(client, {
      model: 'gpt-5.4',
      messages: [user('Hi there')],
      stream: true,
      stream_options: { include_usage: true },
    })
    const chunks: ChatCompletionChunk[] = []
    for await (const chunk of stream) chunks.push(chunk)
    expect(chunks.every((c) => c.object === 'chat.completion.chunk')).toBe(true)
    expect(chunks[0].choices[0].delta).toEqual({ role: 'assistant', content: '', refusal: null })
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')
    expect(text).toBe('Hello! You said: Hi there')
    const last = chunks.at(-1)!
    expect(last.choices).toEqual([])
    expect(last.usage).toEqual({
      prompt_tokens: 2,
      completion_tokens: 7,
      total_tokens: 9,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: {
        reasoning_tokens: 0,
        audio_tokens: 0,
        accepted_prediction_tokens: 0,
        rejected_prediction_tokens: 0,
      },
    })
    expect(chunks.slice(0, -1).every((c) => c.usage === null)).toBe(true)
    expect(chunks.at(-2)!.choices[0].finish_reason).toBe('stop')
    expect(mock.requests[0].json).toMatchObject({ stream: true, stream_options: { include_usage: true } })
  })

  it('sends tools and tool_choice and returns the tool call', async () => {
    const completion = await createChatCompletion(client, {
      model: 'gpt-5.4',
      messages: [user('What is the weather in Paris?')],
      tools: [
        {
          type: 'function',
          function: {
            name: 'get_weather',
            parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
          },
        },
      ],
      tool_choice: 'auto',
    })
    const choice = completion.choices[0]
    expect(choice.finish_reason).toBe('tool_calls')
    expect(choice.message.content).toBe(null)
    expect(choice.message.tool_calls).toEqual([
      {
        id: 'call_mock_0001',
        type: 'function',
        function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
      },
    ])
  })

  it('asks for JSON mode and vision input as the wire format says', async () => {
    const json = await createChatCompletion(client, {
      model: 'gpt-5.4',
      messages: [user('Reply in JSON')],
      response_format: { type: 'json_object' },
    })
    expect(JSON.parse(json.choices[0].message.content!)).toEqual({ reply: 'Hello! You said: Reply in JSON' })

    await createChatCompletion(client, {
      model: 'gpt-5.4',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is in this image?' },
            { type: 'image_url', image_url: { url: 'https://example.com/cat.png', detail: 'low' } },
          ],
        },
      ],
    })
    expect(mock.requests[1].json).toEqual({
      model: 'gpt-5.4',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is in this image?' },
            { type: 'image_url', image_url: { url: 'https://example.com/cat.png', detail: 'low' } },
          ],
        },
      ],
    })
  })

  it('throws the typed API error and merges per-call options', async () => {
    const error = await createChatCompletion(client, { model: 'gpt-5.4', messages: [] }).catch((e) => e)
    expect(error).toBeInstanceOf(BadRequestError)
    expect(error.status).toBe(400)
    expect(error.param).toBe('messages')

    await createChatCompletion(
      client,
      { model: 'gpt-5.4', messages: [user('Hi')] },
      { headers: { 'x-custom': 'yes' }, query: { trace: '1' } },
    )
    expect(mock.requests[1].headers['x-custom']).toBe('yes')
    expect(mock.requests[1].query).toEqual({ trace: '1' })
  })

  it('throws an APIError when the stream carries an error payload', async () => {
    const stream = await createChatCompletion(client, {
      model: 'gpt-5.4',
      messages: [user('trigger error')],
      stream: true,
    })
    const seen: string[] = []
    const error = await (async () => {
      for await (const chunk of stream) seen.push(chunk.object)
    })().catch((e) => e)
    expect(error).toBeInstanceOf(APIError)
    expect(error.message).toContain('failed this stream on purpose')
    expect(seen).toEqual(['chat.completion.chunk'])
  })

  it('has a return type that follows `stream`', () => {
    // Checked by tsc; never called, so no request is made.
    const types = () => {
      const base = { model: 'm', messages: [user('x')] }
      expectTypeOf(createChatCompletion(client, base)).toEqualTypeOf<APIPromise<ChatCompletion>>()
      expectTypeOf(createChatCompletion(client, { ...base, stream: false })).toEqualTypeOf<
        APIPromise<ChatCompletion>
      >()
      expectTypeOf(createChatCompletion(client, { ...base, stream: true as const })).toEqualTypeOf<
        APIPromise<ChatCompletionChunkStream>
      >()
      const flag = Math.random() > 2
      expectTypeOf(createChatCompletion(client, { ...base, stream: flag })).toEqualTypeOf<
        APIPromise<ChatCompletion | ChatCompletionChunkStream>
      >()
      expectTypeOf<ChatCompletionChunk['choices'][number]['finish_reason']>().toEqualTypeOf<
        'stop' | 'length' | 'tool_calls' | 'content_filter' | 'function_call' | null
      >()
      // @ts-expect-error messages are required
      expectTypeOf(createChatCompletion).toBeCallableWith(client, { model: 'm' })
    }
    expect(types).toBeTypeOf('function')
  })
})
