// @acme/openai-responses: the Responses API seed examples, then streaming, structured output and tools.
import { APIError } from '@acme/openai-core'
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
import {
  parseResponse,
  streamParsedResponse,
  zodResponsesFunction,
  zodTextFormat,
} from '@acme/openai-responses/zod'
import { z } from 'zod'

const model = 'gpt-4o-mini'
const imageURL =
  'https://upload.wikimedia.org/wikipedia/commons/thumb/d/dd/Gfp-wisconsin-madison-the-nature-boardwalk.jpg/2560px-Gfp-wisconsin-madison-the-nature-boardwalk.jpg'
// A real 1x1 PNG, so the base64 example also works against the live API.
const pngBytes = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
)

export default async function responsesTour({ client, mock, live, log }) {
  const plain = await createResponse(client, {
    model,
    input: 'Write a one-sentence bedtime story about a unicorn.',
  })
  log('Plain text: createResponse(...).output_text', plain.output_text)

  const pirate = await createResponse(client, {
    model,
    instructions: 'You are a coding assistant that talks like a pirate.',
    input: 'Are semicolons optional in JavaScript?',
  })
  log('Instructions (a developer message)', pirate.output_text)

  const byURL = await createResponse(client, {
    model,
    input: [
      {
        role: 'user',
        content: [
          { type: 'input_text', text: 'What is in this image?' },
          { type: 'input_image', image_url: imageURL, detail: 'auto' },
        ],
      },
    ],
  })
  log('Vision by URL', byURL.output_text)

  const dataURL = await imageDataURL(pngBytes)
  const byBase64 = await createResponse(client, {
    model,
    input: [
      {
        role: 'user',
        content: [
          { type: 'input_text', text: 'What colour is this pixel?' },
          { type: 'input_image', image_url: dataURL, detail: 'low' },
        ],
      },
    ],
  })
  log('Vision by base64: imageDataURL(bytes) makes the data URL without Node APIs', {
    data_url: `${dataURL.slice(0, 40)}...`,
    output_text: byBase64.output_text,
  })

  const stream = await createResponse(client, {
    model,
    input: 'Say "double bubble bath" ten times fast.',
    stream: true,
  })
  const types = new Set()
  let streamed = ''
  for await (const event of stream) {
    types.add(event.type)
    if (event.type === 'response.output_text.delta') streamed += event.delta
  }
  log('Streaming with stream: true: async iteration of typed events', {
    event_types: [...types],
    text: streamed,
  })

  const snapshots = []
  const helper = streamResponse(client, { model, input: 'Count to five.' }).on(
    'response.output_text.delta',
    (event) => snapshots.push(event.snapshot),
  )
  const final = await helper.finalResponse()
  log('streamResponse: on("response.output_text.delta") gets the text so far; finalResponse() the whole', {
    snapshots,
    final_output_text: final.output_text,
  })

  const CalendarEvent = z.object({ name: z.string(), date: z.string(), participants: z.array(z.string()) })
  const parsed = await parseResponse(client, {
    model,
    input: [
      { role: 'system', content: 'Extract the event information.' },
      { role: 'user', content: 'Alice and Bob are going to a science fair on Friday.' },
    ],
    text: { format: zodTextFormat(CalendarEvent, 'event') },
  })
  log('Structured output with zod: parseResponse + zodTextFormat -> output_parsed', parsed.output_parsed)

  let partial = ''
  const streamedEvent = await streamParsedResponse(client, {
    model,
    input: 'Alice and Bob are going to a science fair on Friday.',
    text: { format: zodTextFormat(CalendarEvent, 'event') },
  })
    .on('response.output_text.delta', (event) => {
      partial = event.snapshot
    })
    .finalResponse()
  log('streamParsedResponse: the JSON streams as text, finalResponse() has output_parsed', {
    last_snapshot: partial,
    output_parsed: streamedEvent.output_parsed,
  })

  const getWeather = zodResponsesFunction({
    name: 'get_weather',
    description: 'Current temperature for a city, in degrees Celsius.',
    parameters: z.object({ city: z.string() }),
  })
  const toolCall = (
    await parseResponse(client, {
      model,
      input: 'What is the weather like in Paris today?',
      tools: [getWeather],
    })
  ).output.find((item) => item.type === 'function_call')
  log('zodResponsesFunction: parseResponse validates the call into parsed_arguments', {
    name: toolCall?.name,
    parsed_arguments: toolCall?.parsed_arguments,
  })

  const tools = [
    {
      type: 'function',
      name: 'get_weather',
      description: 'Current temperature for a city, in degrees Celsius.',
      strict: true,
      parameters: {
        type: 'object',
        properties: { city: { type: 'string' } },
        required: ['city'],
        additionalProperties: false,
      },
    },
  ]
  const asked = await createResponse(client, {
    model,
    input: 'What is the weather like in Paris today?',
    tools,
  })
  const call = asked.output.find((item) => item.type === 'function_call')
  const result = { city: JSON.parse(call.arguments).city, temp_c: 18 }
  const answered = await createResponse(client, {
    model,
    previous_response_id: asked.id,
    input: [{ type: 'function_call_output', call_id: call.call_id, output: JSON.stringify(result) }],
    tools,
  })
  log('Function tools: the model calls get_weather, we answer, it replies', {
    call: { name: call.name, arguments: call.arguments },
    reply: answered.output_text,
  })

  const counted = await countInputTokens(client, { model, input: 'Tell me a joke.' })
  log('countInputTokens: the input tokens a request would use, without running it', counted)

  const compacted = await compactResponse(client, { model, previous_response_id: asked.id })
  const followUp = await createResponse(client, {
    model,
    input: [...compacted.output, { role: 'user', content: 'And tomorrow?' }],
  })
  log('compactResponse: the user messages plus one compaction item, fed back as the next input', {
    output_types: compacted.output.map((item) => item.type),
    usage: compacted.usage,
    follow_up: followUp.output_text,
  })

  const again = await retrieveResponse(client, plain.id)
  log('retrieveResponse', { id: again.id, status: again.status, output_text: again.output_text })

  const items = []
  for await (const item of listInputItems(client, parsed.id, { order: 'asc', limit: 1 }))
    items.push(item.role)
  log('listInputItems: every input item across pages of one', items)

  await deleteResponse(client, plain.id)
  log('deleteResponse', `deleted ${plain.id}`)

  if (live) {
    log('Skipping resume, cancel and stream errors', 'they rely on the mock server (unset OPENAI_API_KEY)')
    return
  }

  const resumed = []
  const replay = await streamResponse(client, { response_id: final.id, starting_after: 5 })
    .on('event', (event) => resumed.push(event.sequence_number))
    .finalResponse()
  log('Resuming a stream after sequence number 5: earlier events are not emitted again', {
    emitted: resumed,
    output_text: replay.output_text,
  })

  const queued = await createResponse(client, { model, input: 'A long job', background: true })
  const cancelled = await cancelResponse(client, queued.id)
  log('background: true, then cancelResponse', { before: queued.status, after: cancelled.status })

  const failed = await streamResponse(client, { model, input: 'trigger error' })
    .finalResponse()
    .catch((error) => error)
  log('streamResponse marks its requests as the official helper does', {
    'x-stainless-helper-method': mock.requests.at(-1).headers['x-stainless-helper-method'],
  })
  log('An error event mid-stream is a typed APIError', {
    isAPIError: failed instanceof APIError,
    code: failed.code,
    message: failed.message,
  })
}
