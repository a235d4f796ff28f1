// Conformance: the official `openai` client and @acme/openai-chat make the same Chat Completions calls against
// one recording mock server; the requests must agree on method, path, query, JSON body and content headers.

import {
  type ChatCompletionCreateParamsNonStreaming,
  createChatCompletion,
  deleteChatCompletion,
  listChatCompletionMessages,
  listChatCompletions,
  retrieveChatCompletion,
  streamChatCompletion,
  updateChatCompletion,
} from '@acme/openai-chat'
import { parseChatCompletion, zodFunction, zodResponseFormat } from '@acme/openai-chat/zod'
import { createClient } from '@acme/openai-core'
import { type MockServer, startMockServer } from '@acme/openai-mock'
import OpenAI from 'openai'
import {
  zodFunction as officialZodFunction,
  zodResponseFormat as officialZodResponseFormat,
} from 'openai/helpers/zod'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as z from 'zod'
import { recordOne, requestEssentials } from './recorded'

let mock: MockServer
let official: OpenAI
let ours: ReturnType<typeof createClient>
let stored: { id: string }
let toDelete: { id: string }

beforeAll(async () => {
  mock = await startMockServer()
  official = new OpenAI({ apiKey: 'sk-test', baseURL: mock.baseURL, maxRetries: 0 })
  ours = createClient({ apiKey: 'sk-test', baseURL: mock.baseURL, maxRetries: 0 })
  const messages = [
    { role: 'developer' as const, content: 'Be brief.' },
    { role: 'user' as const, content: 'Remember this' },
  ]
  stored = await createChatCompletion(ours, {
    model: 'gpt-5.4',
    messages,
    store: true,
    metadata: { team: 'a' },
  })
  toDelete = await createChatCompletion(ours, { model: 'gpt-5.4', messages, store: true })
})
afterAll(() => mock.close())

const user = (content: string) => ({ role: 'user' as const, content })
const weatherParameters = {
  type: 'object',
  properties: { city: { type: 'string' } },
  required: ['city'],
  additionalProperties: false,
}
const City = z.object({ city: z.string(), population: z.number() })
const Weather = z.object({ city: z.string() })

async function drain(iterable: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of iterable);
}

type Call = (clients: { official: OpenAI; ours: ReturnType<typeof createClient> }) => Promise<unknown>
interface Case {
  name: string
  official: Call
  ours: Call
}

/** A row where both clients create a completion from the very same params. */
const createRow = (name: string, params: ChatCompletionCreateParamsNonStreaming): Case => ({
  name,
  official: ({ official }) => official.chat.completions.create(params as never),
  ours: ({ ours }) => createChatCompletion(ours, params),
})

const cases: Case[] = [
  createRow('plain completion', { model: 'gpt-5.4', messages: [user('Hi')] }),
  ...(() => {
    const params = {
      model: 'gpt-5.4',
      messages: [{ role: 'developer' as const, content: 'Answer in French.' }, user('Hello')],
      temperature: 0.2,
      top_p: 0.9,
      max_completion_tokens: 200,
      n: 1,
      seed: 7,
      stop: ['\n\n'],
      user: 'u-1',
      service_tier: 'auto' as const,
      metadata: { purpose: 'conformance' },
      logprobs: true,
      top_logprobs: 2,
      reasoning_effort: 'low' as const,
      parallel_tool_calls: false,
      frequency_penalty: 0.1,
      presence_penalty: 0.1,
      logit_bias: { '50256': -100 },
      safety_identifier: 'hash-1',
      prompt_cache_key: 'k',
      verbosity: 'low' as const,
      web_search_options: { search_context_size: 'low' as const },
    }
    return [
      {
        name: 'developer message and many sampling fields',
        official: ({ official }) => official.chat.completions.create(params),
        ours: ({ ours }) => createChatCompletion(ours, params),
      } satisfies Case,
    ]
  })(),
  {
    name: 'streaming with include_usage',
    official: async ({ official }) =>
      drain(
        await official.chat.completions.create({
          model: 'gpt-5.4',
          messages: [user('Stream please')],
          stream: true,
          stream_options: { include_usage: true },
        }),
      ),
    ours: async ({ ours }) =>
      drain(
        await createChatCompletion(ours, {
          model: 'gpt-5.4',
          messages: [user('Stream please')],
          stream: true,
          stream_options: { include_usage: true },
        }),
      ),
  },
  {
    name: 'streaming helper',
    official: ({ official }) =>
      official.chat.completions
        .stream({ model: 'gpt-5.4', messages: [user('Stream helper')] })
        .finalChatCompletion(),
    ours: ({ ours }) =>
      streamChatCompletion(ours, {
        model: 'gpt-5.4',
        messages: [user('Stream helper')],
      }).finalChatCompletion(),
  },
  {
    name: 'function tools with tool_choice',
    official: ({ official }) =>
      official.chat.completions.create({
        model: 'gpt-5.4',
        messages: [user('Weather in Paris?')],
        tools: [
          {
            type: 'function',
            function: { name: 'get_weather', parameters: weatherParameters, strict: true },
          },
        ],
        tool_choice: { type: 'function', function: { name: 'get_weather' } },
      }),
    ours: ({ ours }) =>
      createChatCompletion(ours, {
        model: 'gpt-5.4',
        messages: [user('Weather in Paris?')],
        tools: [
          {
            type: 'function',
            function: { name: 'get_weather', parameters: weatherParameters, strict: true },
          },
        ],
        tool_choice: { type: 'function', function: { name: 'get_weather' } },
      }),
  },
  createRow('tool results sent back', {
    model: 'gpt-5.4',
    messages: [
      user('Weather in Paris?'),
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call_1',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
          },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1', content: '21 C' },
    ],
  }),
  createRow('JSON mode', {
    model: 'gpt-5.4',
    messages: [user('Reply in JSON')],
    response_format: { type: 'json_object' },
  }),
  createRow('structured output with a raw json_schema', {
    model: 'gpt-5.4',
    messages: [user('Where?')],
    response_format: {
      type: 'json_schema',
      json_schema: { name: 'place', strict: true, schema: weatherParameters },
    },
  }),
  {
    name: 'structured output parsed with zod',
    official: ({ official }) =>
      official.chat.completions.parse({
        model: 'gpt-5.4',
        messages: [user('A city')],
        response_format: officialZodResponseFormat(City, 'city'),
        tools: [officialZodFunction({ name: 'get_weather', parameters: Weather })],
      }),
    ours: ({ ours }) =>
      parseChatCompletion(ours, {
        model: 'gpt-5.4',
        messages: [user('A city')],
        response_format: zodResponseFormat(City, 'city'),
        tools: [zodFunction({ name: 'get_weather', parameters: Weather })],
      }),
  },
  createRow('vision by URL and base64, audio and file parts', {
    model: 'gpt-4o',
    messages: [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Describe these' },
          { type: 'image_url', image_url: { url: 'https://example.com/a.png', detail: 'high' } },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
          { type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } },
          { type: 'file', file: { file_id: 'file-123' } },
        ],
      },
    ],
  }),
  createRow('audio output and predicted content', {
    model: 'gpt-4o-audio-preview',
    messages: [user('Say hi')],
    modalities: ['text', 'audio'],
    audio: { voice: 'alloy', format: 'wav' },
    prediction: { type: 'content', content: 'Hi' },
  }),
  {
    name: 'stored list with filters',
    official: ({ official }) =>
      official.chat.completions.list({ model: 'gpt-5.4', metadata: { team: 'a' }, limit: 5, order: 'desc' }),
    ours: ({ ours }) =>
      listChatCompletions(ours, { model: 'gpt-5.4', metadata: { team: 'a' }, limit: 5, order: 'desc' }),
  },
  {
    name: 'retrieve a stored completion',
    official: ({ official }) => official.chat.completions.retrieve(stored.id),
    ours: ({ ours }) => retrieveChatCompletion(ours, stored.id),
  },
  {
    name: 'update the metadata',
    official: ({ official }) => official.chat.completions.update(stored.id, { metadata: { team: 'b' } }),
    ours: ({ ours }) => updateChatCompletion(ours, stored.id, { metadata: { team: 'b' } }),
  },
  {
    name: 'list the messages of a stored completion',
    official: ({ official }) =>
      official.chat.completions.messages.list(stored.id, { limit: 1, order: 'asc' }),
    ours: ({ ours }) => listChatCompletionMessages(ours, stored.id, { limit: 1, order: 'asc' }),
  },
  {
    // The second delete of the same id answers 404; only the requests are compared.
    name: 'delete a stored completion',
    official: ({ official }) => official.chat.completions.delete(toDelete.id),
    ours: ({ ours }) => deleteChatCompletion(ours, toDelete.id),
  },
]

describe('chat conformance with the official openai client', () => {
  it('has at least ten calls', () => expect(cases.length).toBeGreaterThanOrEqual(10))

  for (const c of cases)
    it(c.name, async () => {
      const theirs = await recordOne(mock, () => c.official({ official, ours }))
      const mine = await recordOne(mock, () => c.ours({ official, ours }))
      expect(requestEssentials(mine)).toEqual(requestEssentials(theirs))
      expect(theirs.headers.authorization).toBe('Bearer sk-test')
      if (theirs.method === 'POST') expect(theirs.headers['content-type']).toBe('application/json')
      if (theirs.headers['x-stainless-helper-method'])
        expect(mine.headers['x-stainless-helper-method']).toBe(theirs.headers['x-stainless-helper-method'])
    })
})
