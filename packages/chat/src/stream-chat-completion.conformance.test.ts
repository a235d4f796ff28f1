// Conformance: the official `chat.completions.stream` helper and `streamChatCompletion` read the same scripted
// chunk stream from the mock server; they must emit the same events, in the same order, with the same payloads.

import { createClient } from '@acme/openai-core'
import { type MockServer, startMockServer } from '@acme/openai-mock'
import OpenAI from 'openai'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { streamChatCompletion } from './stream-chat-completion'

let mock: MockServer
let official: OpenAI
let ours: ReturnType<typeof createClient>
beforeAll(async () => {
  mock = await startMockServer()
  official = new OpenAI({ apiKey: 'sk-test', baseURL: mock.baseURL, maxRetries: 0 })
  ours = createClient({ apiKey: 'sk-test', baseURL: mock.baseURL, maxRetries: 0 })
})
afterAll(() => mock.close())
beforeEach(() => mock.reset())

// The events both helpers have; the official one also has runner events (`message`, `finalContent`, ...).
const EVENTS = [
  'content.delta',
  'content.done',
  'refusal.delta',
  'refusal.done',
  'tool_calls.function.arguments.delta',
  'tool_calls.function.arguments.done',
  'logprobs.content.delta',
  'logprobs.content.done',
  'logprobs.refusal.delta',
  'logprobs.refusal.done',
] as const

type Listen = (event: string, listener: (payload?: unknown) => void) => unknown

/** Every shared event as `name payload`, the payload serialized when it fires (snapshots are live arrays). */
function record(on: Listen): string[] {
  const log: string[] = []
  on('chunk', () => log.push('chunk'))
  for (const name of EVENTS) on(name, (payload) => log.push(`${name} ${JSON.stringify(payload)}`))
  return log
}

const base = { id: 'chatcmpl-x', object: 'chat.completion.chunk', created: 1, model: 'm' }
const frame = (...choices: unknown[]) => `data: ${JSON.stringify({ ...base, choices })}\n\n`
const tok = (token: string) => ({
  token,
  logprob: -token.length / 8,
  bytes: [...token].map((c) => c.charCodeAt(0)),
  top_logprobs: [{ token, logprob: -token.length / 8, bytes: null }],
})
const part = (
  index: number,
  delta: object,
  logprobs: object | null = null,
  finish_reason: string | null = null,
) => ({
  index,
  delta,
  logprobs,
  finish_reason,
})
const lp = (content: string[] | null, refusal: string[] | null = null) => ({
  content: content?.map(tok) ?? null,
  refusal: refusal?.map(tok) ?? null,
})

async function compare(chunks: string[], params: Record<string, unknown> = {}) {
  const body = { model: 'm', messages: [{ role: 'user' as const, content: 'x' }], logprobs: true, ...params }
  mock.enqueueFault({ sse: { chunks: [...chunks, 'data: [DONE]\n\n'] }, times: 2 })
  const theirs = official.chat.completions.stream(body)
  const theirLog = record((event, listener) => theirs.on(event as 'chunk', listener))
  const theirFinal = await theirs.finalChatCompletion()
  const stream = streamChatCompletion(ours, body)
  const ourLog = record((event, listener) => stream.on(event as 'chunk', listener))
  const ourFinal = await stream.finalChatCompletion()
  expect(ourLog).toEqual(theirLog)
  expect(ourFinal.choices.map((c) => c.logprobs)).toEqual(theirFinal.choices.map((c) => c.logprobs))
  return ourLog
}

describe('streamChatCompletion against the official helper', () => {
  it('emits the same content, refusal and log-probability events for several choices', async () => {
    const log = await compare(
      [
        frame(part(0, { role: 'assistant', content: '' }), part(1, { role: 'assistant', content: '' })),
        frame(part(0, { content: 'Hel' }, lp(['Hel']))),
        frame(part(1, { refusal: 'Sorry' }, lp(null, ['Sorry']))),
        frame(part(0, { content: 'lo there' }, lp(['lo', ' there']))),
        frame(part(1, { refusal: ', no' }, lp(null, [',', ' no']))),
        frame(part(0, {}, lp([]), 'stop'), part(1, {}, null, 'stop')),
      ],
      { n: 2, top_logprobs: 1 },
    )
    expect(log.filter((line) => line.startsWith('logprobs.')).length).toBe(7)
  })

  it('emits the same events when a tool call follows logged content', async () => {
    await compare([
      frame(part(0, { role: 'assistant', content: 'Let me check' }, lp(['Let', ' me', ' check']))),
      frame(
        part(0, {
          tool_calls: [
            { index: 0, id: 'call_1', type: 'function', function: { name: 'f', arguments: '{"a"' } },
          ],
        }),
      ),
      frame(part(0, { tool_calls: [{ index: 0, function: { arguments: ':1}' } }] })),
      frame(part(0, {}, null, 'tool_calls')),
    ])
  })

  it('emits the same events when a single chunk carries content, logprobs and the finish reason', async () => {
    await compare([frame(part(0, { role: 'assistant', content: 'Yes' }, lp(['Yes']), 'stop'))])
  })

  it('keeps a logprobs object without tokens as the official helper does, with no events', async () => {
    const log = await compare([
      frame(part(0, { role: 'assistant', content: 'Yes' }, lp(null))),
      frame(part(0, {}, null, 'stop')),
    ])
    expect(log.some((line) => line.startsWith('logprobs.'))).toBe(false)
  })
})
