import { APIError, APIUserAbortError } from '@acme/openai-core'
import OpenAI from 'openai'
import {
  zodResponsesFunction as officialZodResponsesFunction,
  zodTextFormat as officialZodTextFormat,
} from 'openai/helpers/zod'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { z } from 'zod'
import { client, mock, useMockClient } from '../../../../tests/support/mock-client'
import type { ResponseStreamEvent } from '../generated/types'
import { ResponseIncompleteError, ResponseParseError, ResponseRefusalError } from './parse-errors'
import { type ParsedResponseStream, streamParsedResponse } from './stream-parsed-response'
import type { ParsedResponse } from './types'
import { zodResponsesFunction } from './zod-responses-function'
import { zodTextFormat } from './zod-text-format'

useMockClient()

const CalendarEvent = z.object({ name: z.string(), date: z.string(), participants: z.array(z.string()) })
type CalendarEvent = z.infer<typeof CalendarEvent>

const frame = (event: Record<string, unknown>) => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`
const shell = { id: 'resp_s', object: 'response', status: 'in_progress', output: [] }

/** A scripted stream of one message whose single part (`output_text` or `refusal`) streams `value` in one delta. */
function messageStream(kind: 'output_text' | 'refusal', value: string): string[] {
  const field = kind === 'output_text' ? 'text' : 'refusal'
  const ids = { item_id: 'msg_1', output_index: 0, content_index: 0 }
  const item = { id: 'msg_1', type: 'message', role: 'assistant', status: 'in_progress', content: [] }
  const events = [
    { type: 'response.created', response: shell },
    { type: 'response.output_item.added', output_index: 0, item },
    { type: 'response.content_part.added', ...ids, part: { type: kind, [field]: '' } },
    { type: `response.${kind}.delta`, ...ids, delta: value },
    { type: `response.${kind}.done`, ...ids, [field]: value },
    { type: 'response.completed', response: { ...shell, status: 'completed' } },
  ]
  return events.map((event, sequence_number) => frame({ ...event, sequence_number }))
}

describe('streamParsedResponse', () => {
  it('streams the deltas and resolves finalResponse with the validated, typed output_parsed', async () => {
    const format = zodTextFormat(CalendarEvent, 'event')
    let text = ''
    const stream = streamParsedResponse(client, {
      model: 'gpt-5.4',
      input: 'Alice and Bob go to a science fair on Friday.',
      text: { format },
    }).on('response.output_text.delta', (e) => {
      text = e.snapshot
    })
    const final = await stream.finalResponse()
    const expected = { name: 'example', date: 'example', participants: [] }
    expect(final.output_parsed).toEqual(expected)
    expect(text).toBe(JSON.stringify(expected))
    expect(final.output_text).toBe(text)
    expect((final.output[0] as any).content[0].parsed).toEqual(expected)
    expect(stream.ended).toBe(true)
    const [sent] = mock.requests
    expect(sent.json).toEqual({
      model: 'gpt-5.4',
      input: 'Alice and Bob go to a science fair on Friday.',
      text: { format: JSON.parse(JSON.stringify(format)) },
      stream: true,
    })
    expect(sent.headers['x-stainless-helper-method']).toBe('stream')
    expectTypeOf(final.output_parsed).toEqualTypeOf<CalendarEvent | null>()
    expectTypeOf(stream).toEqualTypeOf<ParsedResponseStream<CalendarEvent, unknown>>()
  })

  it('parses the streamed arguments of zodResponsesFunction calls', async () => {
    const getWeather = zodResponsesFunction({
      name: 'get_weather',
      parameters: z.object({ city: z.string() }),
    })
    const deltas: string[] = []
    const stream = streamParsedResponse(client, {
      model: 'gpt-5.4',
      input: 'What is the weather in Paris?',
      tools: [getWeather],
    }).on('response.function_call_arguments.delta', (e) => deltas.push(e.snapshot))
    const final = await stream.finalResponse()
    expect(deltas.at(-1)).toBe('{"city":"Paris"}')
    expect(final.output_parsed).toBeNull()
    const [call] = final.output
    expect(call).toMatchObject({
      type: 'function_call',
      name: 'get_weather',
      parsed_arguments: { city: 'Paris' },
    })
    if (call.type === 'function_call') expectTypeOf(call.parsed_arguments).toEqualTypeOf<{ city: string }>()
    expectTypeOf(final).toEqualTypeOf<ParsedResponse<unknown, (typeof getWeather)[]>>()
  })

  it('sends what the official responses.stream() sends and parses to the same values', async () => {
    const official = new OpenAI({ apiKey: 'sk-test', baseURL: mock.baseURL, maxRetries: 0 })
    const Weather = z.object({ city: z.string() })
    const input = 'What is the weather in Paris?'
    const theirs = await official.responses
      .stream({
        model: 'gpt-5.4',
        input,
        tools: [officialZodResponsesFunction({ name: 'get_weather', parameters: Weather })],
      })
      .finalResponse()
    const ours = await streamParsedResponse(client, {
      model: 'gpt-5.4',
      input,
      tools: [zodResponsesFunction({ name: 'get_weather', parameters: Weather })],
    }).finalResponse()
    const theirsText = await official.responses
      .stream({
        model: 'gpt-5.4',
        input: 'x',
        text: { format: officialZodTextFormat(CalendarEvent, 'event') },
      })
      .finalResponse()
    const oursText = await streamParsedResponse(client, {
      model: 'gpt-5.4',
      input: 'x',
      text: { format: zodTextFormat(CalendarEvent, 'event') },
    }).finalResponse()
    const [a, b, c, d] = mock.requests
    expect(b.json).toEqual(a.json)
    expect(d.json).toEqual(c.json)
    for (const [x, y] of [
      [a, b],
      [c, d],
    ])
      expect(y.headers['x-stainless-helper-method']).toBe(x.headers['x-stainless-helper-method'])
    expect((ours.output[0] as any).parsed_arguments).toEqual((theirs.output[0] as any).parsed_arguments)
    expect((ours.output[0] as any).parsed_arguments).toEqual({ city: 'Paris' })
    expect(oursText.output_parsed).toEqual(theirsText.output_parsed)
    expect(oursText.output_parsed).toMatchObject({ name: 'example' })
  })

  it('parses once: finalResponse returns the same response every time', async () => {
    let checks = 0
    const Counted = CalendarEvent.refine(() => ++checks > 0)
    const stream = streamParsedResponse(client, {
      model: 'gpt-5.4',
      input: 'x',
      text: { format: zodTextFormat(Counted, 'event') },
    })
    const first = await stream.finalResponse()
    expect(await stream.finalResponse()).toBe(first)
    expect(stream.currentResponse).toBe(first)
    expect(first.output_parsed).toMatchObject({ name: 'example' })
    expect(checks).toBe(1)
  })

  it('keeps the stream helper API: chaining, once, off and async iteration', async () => {
    const seen: string[] = []
    const listener = () => seen.push('off')
    const stream = streamParsedResponse(client, {
      model: 'gpt-5.4',
      input: 'x',
      text: { format: zodTextFormat(CalendarEvent, 'event') },
    })
      .once('response.created', () => seen.push('created'))
      .on('response.completed', listener)
      .off('response.completed', listener)
    const types: string[] = []
    for await (const event of stream) types.push(event.type)
    expect(types[0]).toBe('response.created')
    expect(types.at(-1)).toBe('response.completed')
    expect(seen).toEqual(['created'])
    expect((await stream.finalResponse()).output_parsed).toMatchObject({ name: 'example' })
    expectTypeOf(stream).toMatchTypeOf<AsyncIterable<ResponseStreamEvent>>()
  })

  it('rejects finalResponse with ResponseIncompleteError for an incomplete response; done() still resolves', async () => {
    const stream = streamParsedResponse(client, {
      model: 'gpt-5.4',
      input: 'x',
      max_output_tokens: 2,
      text: { format: zodTextFormat(CalendarEvent, 'event') },
    })
    await stream.done()
    const error = await stream.finalResponse().catch((e) => e)
    expect(error).toBeInstanceOf(ResponseIncompleteError)
    expect(error.reason).toBe('max_output_tokens')
    expect(error.response.status).toBe('incomplete')
    expect(stream.errored).toBe(false)
  })

  it('rejects finalResponse with ResponseRefusalError when the model refuses', async () => {
    mock.enqueueFault({ sse: { chunks: messageStream('refusal', "I can't help with that.") } })
    const refusals: string[] = []
    const stream = streamParsedResponse(client, {
      model: 'gpt-5.4',
      input: 'x',
      text: { format: zodTextFormat(CalendarEvent, 'event') },
    }).on('response.refusal.delta', (e) => refusals.push(e.snapshot))
    const error = await stream.finalResponse().catch((e) => e)
    expect(error).toBeInstanceOf(ResponseRefusalError)
    expect(error.refusal).toBe("I can't help with that.")
    expect(error.response.id).toBe('resp_s')
    expect(refusals).toEqual(["I can't help with that."])
  })

  it('rejects finalResponse with ResponseParseError for output that is not JSON', async () => {
    mock.enqueueFault({ sse: { chunks: messageStream('output_text', '{"name": "Fair", "da') } })
    const error = await streamParsedResponse(client, {
      model: 'gpt-5.4',
      input: 'x',
      text: { format: zodTextFormat(CalendarEvent, 'event') },
    })
      .finalResponse()
      .catch((e) => e)
    expect(error).toBeInstanceOf(ResponseParseError)
    expect(error.message).toBe('The structured output is not valid JSON.')
    expect(error.cause).toBeInstanceOf(SyntaxError)
  })

  it('rejects finalResponse with ResponseParseError for output that does not match the schema', async () => {
    mock.enqueueFault({ sse: { chunks: messageStream('output_text', '{"name": 1}') } })
    const error = await streamParsedResponse(client, {
      model: 'gpt-5.4',
      input: 'x',
      text: { format: zodTextFormat(CalendarEvent, 'event') },
    })
      .finalResponse()
      .catch((e) => e)
    expect(error).toBeInstanceOf(ResponseParseError)
    expect(error.cause.issues.map((i: any) => i.path.join('.'))).toEqual(['name', 'date', 'participants'])
  })

  it('rejects with the stream error, not a parse error, when the stream fails', async () => {
    const errors: unknown[] = []
    const stream = streamParsedResponse(client, {
      model: 'gpt-5.4',
      input: 'trigger error',
      text: { format: zodTextFormat(CalendarEvent, 'event') },
    }).on('error', (e) => errors.push(e))
    const error = await stream.finalResponse().catch((e) => e)
    expect(error).toBeInstanceOf(APIError)
    expect(errors).toEqual([error])
    expect(stream.errored).toBe(true)
  })

  it('rejects with APIUserAbortError after abort()', async () => {
    const stream = streamParsedResponse(client, {
      model: 'gpt-5.4',
      input: 'x',
      text: { format: zodTextFormat(CalendarEvent, 'event') },
    })
    stream.abort()
    expect(await stream.finalResponse().catch((e) => e)).toBeInstanceOf(APIUserAbortError)
    expect(stream.aborted).toBe(true)
  })

  it('resumes a stored stream and parses it with the text and tools passed again, sending neither', async () => {
    const format = zodTextFormat(CalendarEvent, 'event')
    const first = await streamParsedResponse(client, {
      model: 'gpt-5.4',
      input: 'x',
      text: { format },
    }).finalResponse()
    const types: string[] = []
    const resumed = streamParsedResponse(client, {
      response_id: first.id,
      starting_after: 3,
      text: { format },
    }).on('event', (e) => types.push(e.type))
    const final = await resumed.finalResponse()
    expect(final.output_parsed).toEqual({ name: 'example', date: 'example', participants: [] })
    expect(types.at(-1)).toBe('response.completed')
    expect(types).not.toContain('response.created')
    const sent = mock.requests.at(-1)!
    expect(sent.method).toBe('GET')
    expect(sent.path).toBe(`/v1/responses/${first.id}`)
    expect(sent.query).toEqual({ stream: 'true' })
    expect(sent.text).toBe('')
    expectTypeOf(final.output_parsed).toEqualTypeOf<CalendarEvent | null>()
  })
})
