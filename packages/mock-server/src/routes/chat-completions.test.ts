import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startMockServer } from '../start-mock-server'
import type { MockServer } from '../types'

type Json = Record<string, any>

/** The `data:` payloads of a chat SSE body, `[DONE]` kept as a string. */
function dataLines(text: string): Array<Json | string> {
  return text
    .split('\n\n')
    .filter(Boolean)
    .map((block) => {
      expect(block.startsWith('data: ')).toBe(true)
      const data = block.slice(6)
      return data === '[DONE]' ? data : JSON.parse(data)
    })
}

const weatherTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] },
  },
}

describe('/v1/chat/completions', () => {
  let server: MockServer
  beforeAll(async () => {
    server = await startMockServer()
  })
  afterAll(() => server.close())
  beforeEach(() => server.reset())

  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(server.baseURL + path, {
      method,
      headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    return { status: res.status, text, json: () => JSON.parse(text) as Json }
  }
  const user = (content: unknown) => [
    { role: 'system', content: 'sys' },
    { role: 'user', content },
  ]

  it('answers the last user message with a chat.completion', async () => {
    const res = await call('POST', '/chat/completions', { model: 'gpt-4o-mini', messages: user('Hi there') })
    expect(res.status).toBe(200)
    const body = res.json()
    expect(body).toEqual({
      id: expect.stringMatching(/^chatcmpl-/),
      object: 'chat.completion',
      created: expect.any(Number),
      model: 'gpt-4o-mini',
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: 'Hello! You said: Hi there',
            refusal: null,
            annotations: [],
          },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage: {
        prompt_tokens: 3,
        completion_tokens: 7,
        total_tokens: 10,
        prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
        completion_tokens_details: {
          reasoning_tokens: 0,
          audio_tokens: 0,
          accepted_prediction_tokens: 0,
          rejected_prediction_tokens: 0,
        },
      },
      service_tier: 'default',
      system_fingerprint: 'fp_mock',
    })
  })

  it('gives n choices and reads text parts', async () => {
    const body = (
      await call('POST', '/chat/completions', {
        model: 'm',
        n: 3,
        messages: user([{ type: 'text', text: 'parts' }]),
      })
    ).json()
    expect(body.choices.map((c: Json) => [c.index, c.message.content])).toEqual([
      [0, 'Hello! You said: parts'],
      [1, 'Hello! You said: parts'],
      [2, 'Hello! You said: parts'],
    ])
    expect((await call('POST', '/chat/completions', { model: 'm', n: 0, messages: user('x') })).status).toBe(
      400,
    )
  })

  it('returns tool_calls for a weather question when function tools are given', async () => {
    const body = (
      await call('POST', '/chat/completions', {
        model: 'm',
        messages: user('weather in Oslo?'),
        tools: [weatherTool],
      })
    ).json()
    expect(body.choices[0]).toEqual({
      index: 0,
      message: {
        role: 'assistant',
        content: null,
        refusal: null,
        annotations: [],
        tool_calls: [
          {
            id: expect.stringMatching(/^call_/),
            type: 'function',
            function: { name: 'get_weather', arguments: '{"location":"Paris"}' },
          },
        ],
      },
      logprobs: null,
      finish_reason: 'tool_calls',
    })
    const after = (
      await call('POST', '/chat/completions', {
        model: 'm',
        tools: [weatherTool],
        messages: [
          ...user('weather in Oslo?'),
          body.choices[0].message,
          { role: 'tool', tool_call_id: body.choices[0].message.tool_calls[0].id, content: 'sunny' },
        ],
      })
    ).json()
    expect(after.choices[0].message.content).toBe('Hello! You said: sunny')
    const none = (
      await call('POST', '/chat/completions', {
        model: 'm',
        messages: user('weather?'),
        tools: [weatherTool],
        tool_choice: 'none',
      })
    ).json()
    expect(none.choices[0].finish_reason).toBe('stop')
  })

  it('answers JSON for a json_schema response_format and stops at length for tiny limits', async () => {
    const structured = (
      await call('POST', '/chat/completions', {
        model: 'm',
        messages: user('x'),
        response_format: {
          type: 'json_schema',
          json_schema: {
            name: 'r',
            schema: { type: 'object', properties: { n: { type: 'number' } }, required: ['n'] },
          },
        },
      })
    ).json()
    expect(JSON.parse(structured.choices[0].message.content)).toEqual({ n: 1 })
    const short = (
      await call('POST', '/chat/completions', { model: 'm', messages: user('x'), max_completion_tokens: 1 })
    ).json()
    expect([short.choices[0].message.content, short.choices[0].finish_reason]).toEqual(['Hello! ', 'length'])
  })

  it('validates model and messages', async () => {
    const res = await call('POST', '/chat/completions', { model: 'm', messages: [] })
    expect(res.status).toBe(400)
    expect(res.json().error).toMatchObject({ param: 'messages', code: 'missing_required_parameter' })
    expect((await call('POST', '/chat/completions', { messages: user('x') })).status).toBe(400)
  })

  it('streams chunks: role first, content deltas, finish_reason, usage, then [DONE]', async () => {
    const res = await call('POST', '/chat/completions', {
      model: 'm',
      messages: user('Hi there'),
      stream: true,
      stream_options: { include_usage: true },
    })
    const lines = dataLines(res.text)
    expect(lines.at(-1)).toBe('[DONE]')
    const chunks = lines.slice(0, -1) as Json[]
    for (const chunk of chunks)
      expect(chunk).toMatchObject({ object: 'chat.completion.chunk', model: 'm', id: chunks[0].id })
    expect(chunks[0].choices).toEqual([
      {
        index: 0,
        delta: { role: 'assistant', content: '', refusal: null },
        logprobs: null,
        finish_reason: null,
      },
    ])
    expect(chunks[0].usage).toBeNull()
    const content = chunks.slice(1, -2).map((c) => c.choices[0].delta.content)
    expect(content.join('')).toBe('Hello! You said: Hi there')
    expect(chunks.at(-2)!.choices).toEqual([{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }])
    expect(chunks.at(-1)).toMatchObject({
      choices: [],
      usage: { prompt_tokens: 3, completion_tokens: 7, total_tokens: 10 },
    })
  })

  it('with logprobs: one entry per streamed piece, the same in the completion and in the chunks', async () => {
    const body = { model: 'm', messages: user('Hi there'), logprobs: true, top_logprobs: 2 }
    const whole = (await call('POST', '/chat/completions', body)).json().choices[0]
    const tokens = whole.logprobs.content as Json[]
    expect(tokens.map((t) => t.token).join('')).toBe(whole.message.content)
    expect(whole.logprobs.refusal).toBeNull()
    for (const t of tokens) {
      expect(t.logprob).toBeLessThan(0)
      expect(t.bytes).toEqual([...new TextEncoder().encode(t.token)])
      expect(t.top_logprobs).toHaveLength(2)
      expect(t.top_logprobs[0]).toEqual({ token: t.token, logprob: t.logprob, bytes: t.bytes })
      expect(t.top_logprobs[1].logprob).toBeLessThan(t.logprob)
    }
    const chunks = dataLines((await call('POST', '/chat/completions', { ...body, stream: true })).text)
      .slice(0, -1)
      .map((chunk) => (chunk as Json).choices[0])
    const streamed = chunks.filter((c) => c.delta.content).flatMap((c) => c.logprobs.content)
    expect(streamed).toEqual(tokens)
    expect(chunks[0].logprobs).toBeNull()
    const plain = (await call('POST', '/chat/completions', { model: 'm', messages: user('Hi there') })).json()
    expect(plain.choices[0].logprobs).toBeNull()
  })

  it('streams tool-call fragments by index and has no usage field without include_usage', async () => {
    const lines = dataLines(
      (
        await call('POST', '/chat/completions', {
          model: 'm',
          messages: user('weather?'),
          tools: [weatherTool],
          stream: true,
        })
      ).text,
    )
    expect(lines.at(-1)).toBe('[DONE]')
    const chunks = lines.slice(0, -1) as Json[]
    for (const chunk of chunks) expect('usage' in chunk).toBe(false)
    const calls = chunks.flatMap((c) => c.choices[0].delta.tool_calls ?? [])
    expect(calls[0]).toEqual({
      index: 0,
      id: expect.stringMatching(/^call_/),
      type: 'function',
      function: { name: 'get_weather', arguments: '' },
    })
    expect(calls.slice(1).every((c: Json) => c.index === 0 && !('id' in c))).toBe(true)
    expect(calls.map((c: Json) => c.function.arguments).join('')).toBe('{"location":"Paris"}')
    expect(chunks.at(-1)!.choices[0].finish_reason).toBe('tool_calls')
  })

  it('sends an error payload mid-stream for "trigger error", without [DONE]', async () => {
    const lines = dataLines(
      (await call('POST', '/chat/completions', { model: 'm', messages: user('trigger error'), stream: true }))
        .text,
    )
    expect(lines).toHaveLength(2)
    expect(lines[1]).toEqual({
      error: {
        message: 'The mock server failed this stream on purpose (the input was "trigger error").',
        type: 'server_error',
        param: null,
        code: 'server_error',
      },
    })
  })

  it('stores completions with store: true: list, retrieve, update metadata, messages, delete', async () => {
    const a = (
      await call('POST', '/chat/completions', {
        model: 'm1',
        messages: user('one'),
        store: true,
        metadata: { t: 'a' },
      })
    ).json()
    const b = (
      await call('POST', '/chat/completions', {
        model: 'm2',
        messages: user('two'),
        store: true,
        stream: true,
      })
    ).text
    const bId = (dataLines(b)[0] as Json).id
    await call('POST', '/chat/completions', { model: 'm1', messages: user('not stored') })

    const list = (await call('GET', '/chat/completions')).json()
    expect(list.data.map((c: Json) => c.id)).toEqual([a.id, bId])
    expect([list.first_id, list.last_id, list.has_more]).toEqual([a.id, bId, false])
    expect((await call('GET', '/chat/completions?model=m2')).json().data.map((c: Json) => c.id)).toEqual([
      bId,
    ])
    expect((await call('GET', '/chat/completions?metadata[t]=a')).json().data.map((c: Json) => c.id)).toEqual(
      [a.id],
    )
    expect((await call('GET', '/chat/completions?limit=1&order=desc')).json()).toMatchObject({
      has_more: true,
      last_id: bId,
    })

    const retrieved = (await call('GET', `/chat/completions/${bId}`)).json()
    expect(retrieved.choices[0].message.content).toBe('Hello! You said: two')
    expect(retrieved.metadata).toEqual({})

    const updated = (await call('POST', `/chat/completions/${a.id}`, { metadata: { t: 'b' } })).json()
    expect(updated.metadata).toEqual({ t: 'b' })
    expect((await call('POST', `/chat/completions/${a.id}`, {})).status).toBe(400)

    const messages = (await call('GET', `/chat/completions/${a.id}/messages`)).json()
    expect(messages).toEqual({
      object: 'list',
      data: [
        { id: `${a.id}-0`, role: 'system', content: 'sys', content_parts: null },
        { id: `${a.id}-1`, role: 'user', content: 'one', content_parts: null },
      ],
      first_id: `${a.id}-0`,
      last_id: `${a.id}-1`,
      has_more: false,
    })

    expect((await call('DELETE', `/chat/completions/${a.id}`)).json()).toEqual({
      object: 'chat.completion.deleted',
      id: a.id,
      deleted: true,
    })
    expect((await call('GET', `/chat/completions/${a.id}`)).status).toBe(404)
    expect((await call('GET', `/chat/completions/${a.id}/messages`)).status).toBe(404)
  })
})
