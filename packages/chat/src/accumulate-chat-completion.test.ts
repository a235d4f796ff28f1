import { OpenAIError } from '@acme/openai-core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { accumulateChatCompletion, finalizeChatCompletion } from './accumulate-chat-completion'
import type { ChatCompletionChunk, ChatCompletionChunkChoice } from './types/chat-completion-chunk'
import type { ChatCompletionSnapshot } from './types/chat-completion-snapshot'

const chunk = (choices: Partial<ChatCompletionChunkChoice>[], extra: Partial<ChatCompletionChunk> = {}) =>
  ({
    id: 'chatcmpl-1',
    object: 'chat.completion.chunk',
    created: 1700000000,
    model: 'gpt-5.4',
    choices: choices.map((c) => ({ index: 0, delta: {}, finish_reason: null, ...c })),
    ...extra,
  }) as ChatCompletionChunk

const fold = (chunks: ChatCompletionChunk[]) =>
  chunks.reduce<ChatCompletionSnapshot | undefined>((s, c) => accumulateChatCompletion(s, c), undefined)!

describe('accumulateChatCompletion', () => {
  it('appends content and keeps the envelope of the chunks', () => {
    const snapshot = fold([
      chunk([{ delta: { role: 'assistant', content: '', refusal: null } }]),
      chunk([{ delta: { content: 'Hel' } }]),
      chunk([{ delta: { content: 'lo' } }]),
      chunk([{ delta: {}, finish_reason: 'stop' }]),
    ])
    expect(snapshot).toEqual({
      id: 'chatcmpl-1',
      object: 'chat.completion.chunk',
      created: 1700000000,
      model: 'gpt-5.4',
      choices: [
        {
          index: 0,
          finish_reason: 'stop',
          logprobs: null,
          message: { role: 'assistant', content: 'Hello', refusal: null },
        },
      ],
    })
    expect(JSON.parse(JSON.stringify(finalizeChatCompletion(snapshot)))).toStrictEqual({
      id: 'chatcmpl-1',
      object: 'chat.completion',
      created: 1700000000,
      model: 'gpt-5.4',
      choices: [
        {
          index: 0,
          finish_reason: 'stop',
          logprobs: null,
          message: { role: 'assistant', content: 'Hello', refusal: null, parsed: null },
        },
      ],
    })
  })

  it('appends tool-call arguments per index, with id, type and name from the first fragment', () => {
    const snapshot = fold([
      chunk([{ delta: { role: 'assistant', content: null } }]),
      chunk([
        {
          delta: {
            tool_calls: [
              { index: 0, id: 'call_a', type: 'function', function: { name: 'f', arguments: '' } },
            ],
          },
        },
      ]),
      chunk([{ delta: { tool_calls: [{ index: 0, function: { arguments: '{"a":' } }] } }]),
      chunk([
        {
          delta: {
            tool_calls: [
              { index: 1, id: 'call_b', type: 'function', function: { name: 'g', arguments: '{}' } },
            ],
          },
        },
      ]),
      chunk([{ delta: { tool_calls: [{ index: 0, function: { arguments: '1}' } }] } }]),
      chunk([{ delta: {}, finish_reason: 'tool_calls' }]),
    ])
    expect(finalizeChatCompletion(snapshot).choices[0].message).toEqual({
      role: 'assistant',
      content: null,
      refusal: null,
      parsed: null,
      tool_calls: [
        { id: 'call_a', type: 'function', function: { name: 'f', arguments: '{"a":1}' } },
        { id: 'call_b', type: 'function', function: { name: 'g', arguments: '{}' } },
      ],
    })
  })

  it('keeps choices apart, appends refusals and log probabilities, and keeps the final usage', () => {
    const lp = (token: string) => ({ token, logprob: -0.5, bytes: null, top_logprobs: [] })
    const usage = { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 }
    const snapshot = fold([
      chunk([{ index: 1, delta: { role: 'assistant', refusal: 'No' } }], { usage: null }),
      chunk(
        [
          {
            index: 0,
            delta: { role: 'assistant', content: 'A' },
            logprobs: { content: [lp('A')], refusal: null },
          },
        ],
        { usage: null },
      ),
      chunk([{ index: 1, delta: { refusal: 'pe' }, finish_reason: 'stop' }], { usage: null }),
      chunk(
        [
          {
            index: 0,
            delta: { content: 'B' },
            logprobs: { content: [lp('B')], refusal: null },
            finish_reason: 'length',
          },
        ],
        { usage: null },
      ),
      chunk([], { usage }),
      chunk([], { usage: null }),
    ])
    const final = finalizeChatCompletion(snapshot)
    expect(final.usage).toEqual(usage)
    expect(
      final.choices.map((c) => [c.index, c.finish_reason, c.message.content, c.message.refusal]),
    ).toEqual([
      [0, 'length', 'AB', null],
      [1, 'stop', null, 'Nope'],
    ])
    expect(final.choices[0].logprobs).toEqual({ content: [lp('A'), lp('B')], refusal: null })
    expect(final.choices[1].logprobs).toBe(null)
  })

  it('keeps a logprobs object that has no tokens yet, as a copy', () => {
    const empty = { content: null, refusal: null }
    const snapshot = fold([
      chunk([{ index: 0, delta: { role: 'assistant', content: 'A' }, logprobs: empty }]),
      chunk([{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }]),
    ])
    expect(snapshot.choices[0].logprobs).toEqual(empty)
    expect(snapshot.choices[0].logprobs).not.toBe(empty)
  })

  it('refuses bad indexes and an incomplete stream with a clear error', () => {
    expect(() => fold([chunk([{ index: 500 }])])).toThrow(
      new OpenAIError('invalid choice index in the stream: 500'),
    )
    expect(() => fold([chunk([{ delta: { tool_calls: [{ index: -1 }] } }])])).toThrow(
      'invalid tool call index in the stream: -1',
    )
    expect(() => accumulateChatCompletion(undefined, { id: 'x' } as ChatCompletionChunk)).toThrow(TypeError)
    expect(() => finalizeChatCompletion(undefined)).toThrow(
      'Chat completion stream ended without any chunk; was the connection cut?',
    )
    expect(() => finalizeChatCompletion(fold([chunk([])]))).toThrow(
      'Chat completion stream ended without any choice; was the connection cut?',
    )
    const cut = fold([chunk([{ delta: { role: 'assistant', content: 'Hi' } }])])
    expect(() => finalizeChatCompletion(cut)).toThrow(
      new OpenAIError(
        'Chat completion stream ended without the finish_reason of choice 0; was the connection cut?',
      ),
    )
    const noId = fold([
      chunk([
        {
          delta: { tool_calls: [{ index: 0, function: { name: 'f', arguments: '{}' } }] },
          finish_reason: 'tool_calls',
        },
      ]),
    ])
    expect(() => finalizeChatCompletion(noId)).toThrow(
      'Chat completion stream ended without the id and name of choices[0].tool_calls[0]; was the connection cut?',
    )
  })

  it('ignores a __proto__ key in a chunk', () => {
    const evil = JSON.parse('{"id":"x","created":1,"model":"m","choices":[],"__proto__":{"polluted":true}}')
    const snapshot = accumulateChatCompletion(undefined, evil)
    expect((snapshot as any).polluted).toBe(undefined)
    expect(({} as any).polluted).toBe(undefined)
  })

  it('gives the same message however the text and arguments are split into chunks', () => {
    const pieces = (text: string, cuts: number[]) => {
      const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b)
      return [0, ...at, text.length].slice(1).map((end, i, ends) => text.slice(i ? ends[i - 1] : 0, end))
    }
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.array(fc.nat(), { maxLength: 20 }), (text, args, cuts) => {
        const chunks = [
          chunk([{ delta: { role: 'assistant', content: '' } }]),
          ...pieces(text, cuts).map((content) => chunk([{ delta: { content } }])),
          chunk([
            { delta: { tool_calls: [{ index: 0, id: 'c', type: 'function', function: { name: 'f' } }] } },
          ]),
          ...pieces(args, cuts).map((a) =>
            chunk([{ delta: { tool_calls: [{ index: 0, function: { arguments: a } }] } }]),
          ),
          chunk([{ finish_reason: 'tool_calls' }]),
        ]
        const message = finalizeChatCompletion(fold(chunks)).choices[0].message
        expect(message.content).toBe(text)
        expect(message.tool_calls).toEqual([
          { id: 'c', type: 'function', function: { name: 'f', arguments: args } },
        ])
      }),
      { numRuns: 200 },
    )
  })
})
