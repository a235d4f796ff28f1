// @acme/openai-chat: the Chat Completions seed examples, then streaming, JSON mode, structured output and tools.
import {
  createChatCompletion,
  deleteChatCompletion,
  listChatCompletionMessages,
  listChatCompletions,
  runTools,
  streamChatCompletion,
  updateChatCompletion,
} from '@acme/openai-chat'
import { parseChatCompletion, zodFunction, zodResponseFormat } from '@acme/openai-chat/zod'
import { z } from 'zod'

const model = 'gpt-4o-mini'
const ask = (content) => [{ role: 'user', content }]

export default async function chatTour({ client, live, log }) {
  const chat = await createChatCompletion(client, {
    model,
    messages: [
      { role: 'developer', content: 'You are a coding assistant that talks like a pirate.' },
      { role: 'user', content: 'Are semicolons optional in JavaScript?' },
    ],
  })
  log('Chat with a developer message: choices[0].message.content', chat.choices[0].message.content)

  const chunks = await createChatCompletion(client, {
    model,
    messages: ask('Say hello in five words.'),
    stream: true,
    stream_options: { include_usage: true },
  })
  let text = ''
  let usage
  for await (const chunk of chunks) {
    text += chunk.choices[0]?.delta.content ?? ''
    usage = chunk.usage ?? usage
  }
  log('Streaming chunks (stream: true, include_usage)', { text, total_tokens: usage?.total_tokens })

  const stream = streamChatCompletion(client, { model, messages: ask('Count from one to five.') })
  let deltas = 0
  stream.on('content.delta', () => deltas++)
  log('Streaming helper: content.delta events, then finalContent()', {
    finalContent: await stream.finalContent(),
    deltas,
  })

  const json = await createChatCompletion(client, {
    model,
    messages: ask('Reply in JSON with a "greeting" field.'),
    response_format: { type: 'json_object' },
  })
  log('JSON mode: JSON.parse(content)', JSON.parse(json.choices[0].message.content))

  const CityFacts = z.object({ city: z.string(), country: z.string(), population: z.number() })
  const facts = await parseChatCompletion(client, {
    model,
    messages: ask('Give the city, country and population of the capital of France.'),
    response_format: zodResponseFormat(CityFacts, 'city_facts'),
  })
  log('Structured output with zod: message.parsed', facts.choices[0].message.parsed)

  const getWeather = zodFunction({
    name: 'get_weather',
    description: 'The current weather in a city.',
    parameters: z.object({ city: z.string() }),
    function: ({ city }) => ({ city, celsius: 21, sky: 'clear' }),
  })
  const runner = runTools(client, {
    model,
    messages: ask('What is the weather in Paris?'),
    tools: [getWeather],
  })
  runner.on('functionToolCall', (call) => log('runTools: the model calls', call))
  log('runTools: the final answer after the tool result', {
    finalContent: await runner.finalContent(),
    conversation: runner.messages.map((m) => m.role),
  })

  if (live) return // Stored completions take a moment to be listed by the real API.
  const stored = await createChatCompletion(client, {
    model,
    messages: ask('Remember this conversation.'),
    store: true,
    metadata: { topic: 'demo' },
  })
  await updateChatCompletion(client, stored.id, { metadata: { topic: 'demo', reviewed: 'yes' } })
  const listed = []
  for await (const completion of listChatCompletions(client, { metadata: { topic: 'demo' }, limit: 10 }))
    listed.push({ id: completion.id, metadata: completion.metadata })
  const messages = await listChatCompletionMessages(client, stored.id)
  const deleted = await deleteChatCompletion(client, stored.id)
  log('Stored completions: update, list with a metadata filter, list messages, delete', {
    listed,
    messages: messages.data.map((m) => `${m.role}: ${m.content}`),
    deleted: deleted.deleted,
  })
}
