// Conformance: the official `openai` client and @acme/openai-responses make the same Responses API calls against
// one recording mock server; the requests must agree on method, path, query, JSON body and content headers.

import { createClient } from '@acme/openai-core'
import { type MockServer, startMockServer } from '@acme/openai-mock'
import {
  cancelResponse,
  compactResponse,
  countInputTokens,
  createResponse,
  deleteResponse,
  imageDataURL,
  listInputItems,
  retrieveResponse,
  streamResponse,
} from '@acme/openai-responses'
import { parseResponse, zodTextFormat } from '@acme/openai-responses/zod'
import OpenAI from 'openai'
import { zodTextFormat as officialZodTextFormat } from 'openai/helpers/zod'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as z from 'zod'
import { recordOne, requestEssentials } from './recorded'

let mock: MockServer
let official: OpenAI
let ours: ReturnType<typeof createClient>
let stored: { id: string }
let background: { id: string }
let toDelete: { id: string }
let dataURL: string

beforeAll(async () => {
  mock = await startMockServer()
  official = new OpenAI({ apiKey: 'sk-test', baseURL: mock.baseURL, maxRetries: 0 })
  ours = createClient({ apiKey: 'sk-test', baseURL: mock.baseURL, maxRetries: 0 })
  const input = [
    { role: 'developer' as const, content: 'Be brief.' },
    { role: 'user' as const, content: 'First' },
    { role: 'user' as const, content: 'Second' },
  ]
  stored = await createResponse(ours, { model: 'gpt-5.4', input })
  toDelete = await createResponse(ours, { model: 'gpt-5.4', input: 'delete me' })
  background = await createResponse(ours, { model: 'gpt-5.4', input: 'slow', background: true })
  dataURL = await imageDataURL(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]))
})
afterAll(() => mock.close())

const weatherTool = {
  type: 'function' as const,
  name: 'get_weather',
  description: 'Current weather for a city',
  strict: true,
  parameters: {
    type: 'object',
    properties: { city: { type: 'string' } },
    required: ['city'],
    additionalProperties: false,
  },
}
const CalendarEvent = z.object({ name: z.string(), date: z.string(), participants: z.array(z.string()) })

async function drain(iterable: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of iterable);
}

type Clients = { official: OpenAI; ours: ReturnType<typeof createClient> }
interface Case {
  name: string
  official: (clients: Clients) => Promise<unknown>
  ours: (clients: Clients) => Promise<unknown>
}

/** A case where both clients take the very same params. */
const same = <P>(
  name: string,
  params: () => P,
  official: (c: OpenAI, p: P) => Promise<unknown>,
  ours: (c: ReturnType<typeof createClient>, p: P) => Promise<unknown>,
): Case => ({ name, official: (c) => official(c.official, params()), ours: (c) => ours(c.ours, params()) })

const create = (name: string, params: () => Record<string, unknown>): Case =>
  same(
    name,
    params,
    (c, p) => c.responses.create(p as any),
    (c, p) => createResponse(c, p as any),
  )

const image = (source: Record<string, unknown>) => ({
  model: 'gpt-5.4',
  input: [
    {
      role: 'user',
      content: [
        { type: 'input_text', text: 'What is in this image?' },
        { type: 'input_image', detail: 'auto', ...source },
      ],
    },
  ],
})

const cases: Case[] = [
  create('plain text', () => ({ model: 'gpt-5.4', input: 'Say hi' })),
  create('instructions and sampling fields', () => ({
    model: 'gpt-5.4',
    instructions: 'Talk like a pirate.',
    input: 'Are semicolons optional in JavaScript?',
    temperature: 0.3,
    top_p: 0.9,
    max_output_tokens: 300,
    metadata: { purpose: 'conformance' },
    store: false,
    reasoning: { effort: 'low', summary: 'auto' },
    text: { verbosity: 'low' },
    truncation: 'auto',
    parallel_tool_calls: false,
    service_tier: 'auto',
    safety_identifier: 'hash-1',
    prompt_cache_key: 'k',
    include: ['reasoning.encrypted_content', 'message.output_text.logprobs'],
    top_logprobs: 2,
  })),
  create('input item list with roles', () => ({
    model: 'gpt-5.4',
    input: [
      { role: 'developer', content: 'Answer in French.' },
      { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Hello' }] },
      { role: 'assistant', content: 'Bonjour' },
      { role: 'user', content: 'How are you?' },
    ],
  })),
  {
    name: 'streaming with stream: true',
    official: async ({ official }) =>
      drain(await official.responses.create({ model: 'gpt-5.4', input: 'Stream please', stream: true })),
    ours: async ({ ours }) =>
      drain(await createResponse(ours, { model: 'gpt-5.4', input: 'Stream please', stream: true })),
  },
  {
    name: 'streaming with stream_options',
    official: async ({ official }) =>
      drain(
        await official.responses.create({
          model: 'gpt-5.4',
          input: 'x',
          stream: true,
          stream_options: { include_obfuscation: false },
        }),
      ),
    ours: async ({ ours }) =>
      drain(
        await createResponse(ours, {
          model: 'gpt-5.4',
          input: 'x',
          stream: true,
          stream_options: { include_obfuscation: false },
        }),
      ),
  },
  create('function tools with tool_choice', () => ({
    model: 'gpt-5.4',
    input: 'What is the weather in Paris?',
    tools: [weatherTool],
    tool_choice: { type: 'function', name: 'get_weather' },
    max_tool_calls: 2,
  })),
  create('function call output with previous_response_id', () => ({
    model: 'gpt-5.4',
    previous_response_id: stored.id,
    input: [{ type: 'function_call_output', call_id: 'call_1', output: '{"temp_c":18}' }],
    tools: [weatherTool],
  })),
  create('structured output with a json_schema format', () => ({
    model: 'gpt-5.4',
    input: 'Name a city',
    text: {
      format: {
        type: 'json_schema',
        name: 'city',
        strict: true,
        schema: {
          type: 'object',
          properties: { city: { type: 'string' } },
          required: ['city'],
          additionalProperties: false,
        },
      },
    },
  })),
  {
    name: 'structured output with zodTextFormat',
    official: ({ official }) =>
      official.responses.create({
        model: 'gpt-5.4',
        input: 'Alice and Bob go to a science fair on Friday.',
        text: { format: officialZodTextFormat(CalendarEvent, 'event') },
      }),
    ours: ({ ours }) =>
      createResponse(ours, {
        model: 'gpt-5.4',
        input: 'Alice and Bob go to a science fair on Friday.',
        text: { format: zodTextFormat(CalendarEvent, 'event') },
      }),
  },
  {
    name: 'parse with a zod schema',
    official: ({ official }) =>
      official.responses.parse({
        model: 'gpt-5.4',
        input: 'Alice and Bob go to a science fair on Friday.',
        text: { format: officialZodTextFormat(CalendarEvent, 'event', { description: 'An event' }) },
      }),
    ours: ({ ours }) =>
      parseResponse(ours, {
        model: 'gpt-5.4',
        input: 'Alice and Bob go to a science fair on Friday.',
        text: { format: zodTextFormat(CalendarEvent, 'event', { description: 'An event' }) },
      }),
  },
  create('vision by image URL', () => image({ image_url: 'https://example.com/cat.png' })),
  create('vision by base64 data URL', () => image({ image_url: dataURL })),
  create('vision by file_id', () => image({ file_id: 'file-abc123', detail: 'high' })),
  create('input_file by file_id and by file_data', () => ({
    model: 'gpt-5.4',
    input: [
      {
        role: 'user',
        content: [
          { type: 'input_file', file_id: 'file-abc123' },
          { type: 'input_file', filename: 'a.pdf', file_data: 'data:application/pdf;base64,JVBERi0xLjc=' },
          { type: 'input_text', text: 'Summarise both files.' },
        ],
      },
    ],
  })),
  create('background response', () => ({ model: 'gpt-5.4', input: 'Take your time', background: true })),
  same(
    'retrieve',
    () => stored.id,
    (c, id) => c.responses.retrieve(id),
    (c, id) => retrieveResponse(c, id),
  ),
  same(
    'retrieve with include',
    () => stored.id,
    (c, id) =>
      c.responses.retrieve(id, { include: ['message.output_text.logprobs'], include_obfuscation: false }),
    (c, id) =>
      retrieveResponse(c, id, { include: ['message.output_text.logprobs'], include_obfuscation: false }),
  ),
  {
    name: 'retrieve as a stream after a sequence number',
    official: async ({ official }) =>
      drain(await official.responses.retrieve(stored.id, { stream: true, starting_after: 2 })),
    ours: async ({ ours }) =>
      drain(await retrieveResponse(ours, stored.id, { stream: true, starting_after: 2 })),
  },
  same(
    'list input items with filters',
    () => stored.id,
    (c, id) =>
      c.responses.inputItems.list(id, { limit: 2, order: 'asc', include: ['message.input_image.image_url'] }),
    (c, id) => listInputItems(c, id, { limit: 2, order: 'asc', include: ['message.input_image.image_url'] }),
  ),
  same(
    'list input items after a cursor',
    () => stored.id,
    (c, id) => c.responses.inputItems.list(id, { after: 'msg_x', limit: 1 }),
    (c, id) => listInputItems(c, id, { after: 'msg_x', limit: 1 }),
  ),
  {
    name: 'streamResponse helper',
    official: ({ official }) =>
      official.responses.stream({ model: 'gpt-5.4', input: 'Say hi', instructions: 'Be brief.' }).done(),
    ours: ({ ours }) =>
      streamResponse(ours, { model: 'gpt-5.4', input: 'Say hi', instructions: 'Be brief.' }).done(),
  },
  {
    name: 'streamResponse resuming after a sequence number',
    official: ({ official }) =>
      official.responses.stream({ response_id: stored.id, starting_after: 3 }).done(),
    ours: ({ ours }) => streamResponse(ours, { response_id: stored.id, starting_after: 3 }).done(),
  },
  same(
    'count input tokens',
    () => ({
      model: 'gpt-5.4',
      instructions: 'Be brief.',
      input: [{ role: 'user' as const, content: 'What is the weather in Paris?' }],
      tools: [weatherTool],
      tool_choice: 'auto' as const,
      parallel_tool_calls: false,
      reasoning: { effort: 'low' as const },
      text: { verbosity: 'low' as const },
    }),
    (c, p) => c.responses.inputTokens.count(p),
    (c, p) => countInputTokens(c, p),
  ),
  {
    name: 'count input tokens without params',
    official: ({ official }) => official.responses.inputTokens.count(),
    ours: ({ ours }) => countInputTokens(ours),
  },
  same(
    'compact a conversation',
    () => ({
      model: 'gpt-5.4',
      input: [
        { role: 'user' as const, content: 'Create a landing page for a dog café.' },
        {
          id: 'msg_001',
          type: 'message' as const,
          status: 'completed' as const,
          role: 'assistant' as const,
          content: [{ type: 'output_text' as const, text: 'Here it is.', annotations: [], logprobs: [] }],
        },
      ],
      instructions: 'Keep the decisions.',
      prompt_cache_key: 'k',
      service_tier: 'auto' as const,
    }),
    (c, p) => c.responses.compact(p),
    (c, p) => compactResponse(c, p),
  ),
  same(
    'compact by previous_response_id',
    () => ({ model: 'gpt-5.4', previous_response_id: stored.id }),
    (c, p) => c.responses.compact(p),
    (c, p) => compactResponse(c, p),
  ),
  same(
    // Both cancel the same background response: the second sees it already cancelled; only requests are compared.
    'cancel a background response',
    () => background.id,
    (c, id) => c.responses.cancel(id),
    (c, id) => cancelResponse(c, id),
  ),
  same(
    // The second delete of the same id answers 404; only the requests are compared.
    'delete',
    () => toDelete.id,
    (c, id) => c.responses.delete(id),
    (c, id) => deleteResponse(c, id),
  ),
]

describe('responses conformance with the official openai client', () => {
  it('has at least twelve calls', () => expect(cases.length).toBeGreaterThanOrEqual(12))

  for (const c of cases)
    it(c.name, async () => {
      const theirs = await recordOne(mock, () => c.official({ official, ours }))
      const mine = await recordOne(mock, () => c.ours({ official, ours }))
      expect(requestEssentials(mine)).toEqual(requestEssentials(theirs))
      expect(theirs.headers.authorization).toBe('Bearer sk-test')
      if (theirs.method === 'POST' && theirs.text)
        expect(theirs.headers['content-type']).toBe('application/json')
      expect(mine.headers['x-stainless-helper-method']).toBe(theirs.headers['x-stainless-helper-method'])
    })
})
