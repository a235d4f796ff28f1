import { type APIPromise, BadRequestError } from '@acme/openai-core'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { client, mock, useMockClient } from '../../../tests/support/mock-client'
import { createResponse } from './create-response'
import type { EventStream } from './event-stream'
import type { ResponseStreamEvent } from './generated/types'
import type { ResponseCreateParams, ResponseWithOutputText } from './types'

useMockClient()

describe('createResponse', () => {
  it('sends the params as JSON and adds output_text and _request_id', async () => {
    const response = await createResponse(client, {
      model: 'gpt-5.4',
      input: 'Say hi',
      instructions: 'Be brief.',
      metadata: { run: '1' },
      store: true,
    })
    expect(response.object).toBe('response')
    expect(response.status).toBe('completed')
    expect(response.output_text).toBe('Hello! You said: Say hi')
    expect(Object.keys(response)).toContain('output_text')
    expect((response as any)._request_id).toMatch(/^req_/)
    expect(Object.keys(response)).not.toContain('_request_id')
    const [sent] = mock.requests
    expect(sent.method).toBe('POST')
    expect(sent.path).toBe('/v1/responses')
    expect(sent.headers['content-type']).toBe('application/json')
    expect(sent.json).toEqual({
      model: 'gpt-5.4',
      input: 'Say hi',
      instructions: 'Be brief.',
      metadata: { run: '1' },
      store: true,
    })
  })

  it('keeps withResponse working with the raw response', async () => {
    const { data, response, request_id } = await createResponse(client, {
      model: 'gpt-5.4',
      input: 'x',
    }).withResponse()
    expect(response.status).toBe(200)
    expect(data.output_text).toBe('Hello! You said: x')
    expect(request_id).toBe(response.headers.get('x-request-id'))
  })

  it('joins the text of every output_text part into output_text (empty for a function call)', async () => {
    const response = await createResponse(client, {
      model: 'gpt-5.4',
      input: 'What is the weather in Paris?',
      tools: [
        {
          type: 'function',
          name: 'get_weather',
          strict: true,
          parameters: {
            type: 'object',
            properties: { city: { type: 'string' } },
            required: ['city'],
            additionalProperties: false,
          },
        },
      ],
    })
    expect(response.output.map((item) => item.type)).toEqual(['function_call'])
    expect(response.output_text).toBe('')
  })

  it('streams typed events in the documented order with stream: true', async () => {
    const stream = await createResponse(client, { model: 'gpt-5.4', input: 'Say hi', stream: true })
    const types: string[] = []
    let text = ''
    for await (const event of stream) {
      types.push(event.type)
      if (event.type === 'response.output_text.delta') text += event.delta
    }
    expect(types[0]).toBe('response.created')
    expect(types[1]).toBe('response.in_progress')
    expect(types.slice(2, 4)).toEqual(['response.output_item.added', 'response.content_part.added'])
    expect(types.slice(-4)).toEqual([
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ])
    expect(text).toBe('Hello! You said: Say hi')
    expect(mock.requests[0].json).toEqual({ model: 'gpt-5.4', input: 'Say hi', stream: true })
  })

  it('turns an API error into a typed error', async () => {
    const error = await createResponse(client, { input: 'no model' }).catch((e) => e)
    expect(error).toBeInstanceOf(BadRequestError)
    expect(error.status).toBe(400)
    expect(error.param).toBe('model')
  })

  it('reports an incomplete response as it is', async () => {
    const response = await createResponse(client, {
      model: 'gpt-5.4',
      input: 'one two three',
      max_output_tokens: 2,
    })
    expect(response.status).toBe('incomplete')
    expect(response.incomplete_details).toEqual({ reason: 'max_output_tokens' })
  })

  it('types the result after `stream`', () => {
    expectTypeOf(createResponse(client, { model: 'm', input: 'hi' })).toEqualTypeOf<
      APIPromise<ResponseWithOutputText>
    >()
    expectTypeOf(createResponse(client, { model: 'm', input: 'hi', stream: false })).toEqualTypeOf<
      APIPromise<ResponseWithOutputText>
    >()
    expectTypeOf(createResponse(client, { model: 'm', input: 'hi', stream: true })).toEqualTypeOf<
      APIPromise<EventStream<ResponseStreamEvent>>
    >()
    const params: ResponseCreateParams = { model: 'm', stream: Math.random() > 2 }
    expectTypeOf(createResponse(client, params)).toEqualTypeOf<
      APIPromise<EventStream<ResponseStreamEvent> | ResponseWithOutputText>
    >()
    expectTypeOf<ResponseWithOutputText['output_text']>().toEqualTypeOf<string>()
  })

  it('types every request field of POST /responses', () => {
    type P = Parameters<typeof createResponse>[1]
    expectTypeOf<P>().toHaveProperty('previous_response_id')
    expectTypeOf<P>().toHaveProperty('reasoning')
    expectTypeOf<P>().toHaveProperty('background')
    expectTypeOf<P>().toHaveProperty('text')
    expectTypeOf<P>().toHaveProperty('tool_choice')
    expectTypeOf<P>().toHaveProperty('conversation')
    expectTypeOf<P>().toHaveProperty('stream_options')
    // Compiled, never called: these calls must not type-check.
    const refused = () => [
      // @ts-expect-error input is a string or a list of items
      createResponse(client, { model: 'm', input: 42 }),
      // @ts-expect-error unknown fields are refused
      createResponse(client, { model: 'm', inputs: 'typo' }),
    ]
    expectTypeOf(refused).toBeFunction()
  })
})
