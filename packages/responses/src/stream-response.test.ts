import {
  APIError,
  APIUserAbortError,
  BadRequestError,
  type OpenAIError,
  withOptions,
} from '@acme/openai-core'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { client, mock, useMockClient } from '../../../tests/support/mock-client'
import { createResponse } from './create-response'
import type { ResponseStreamEvent, ResponseTextDeltaEvent } from './generated/types'
import { type ResponseStream, streamResponse } from './stream-response'
import type { ResponseWithOutputText } from './types'

useMockClient()

const weatherTool = {
  type: 'function' as const,
  name: 'get_weather',
  strict: true,
  parameters: {
    type: 'object',
    properties: { city: { type: 'string' } },
    required: ['city'],
    additionalProperties: false,
  },
}

const frame = (event: Record<string, unknown>) => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`
const responseShell = { id: 'resp_x', object: 'response', status: 'in_progress', output: [] }

describe('streamResponse', () => {
  it('emits each text delta with the snapshot so far, then the final response with output_text', async () => {
    const deltas: { delta: string; snapshot: string }[] = []
    const lifecycle: string[] = []
    const stream = streamResponse(client, { model: 'gpt-5.4', input: 'Say hi' })
      .on('connect', () => lifecycle.push('connect'))
      .on('response.output_text.delta', ({ delta, snapshot }) => deltas.push({ delta, snapshot }))
      .on('end', () => lifecycle.push('end'))
    const final = await stream.finalResponse()
    expect(final.output_text).toBe('Hello! You said: Say hi')
    expect(final.status).toBe('completed')
    expect(deltas.map((d) => d.delta).join('')).toBe('Hello! You said: Say hi')
    expect(deltas.map((d) => d.snapshot)).toEqual([
      'Hello! ',
      'Hello! You ',
      'Hello! You said: ',
      'Hello! You said: Say ',
      'Hello! You said: Say hi',
    ])
    expect(lifecycle).toEqual(['connect', 'end'])
    expect(stream.ended).toBe(true)
    expect(stream.errored).toBe(false)
    expect(stream.currentResponse?.id).toBe(final.id)
  })

  it('sends stream: true and the helper header', async () => {
    await streamResponse(client, { model: 'gpt-5.4', input: 'x', instructions: 'Be brief.' }).done()
    const [sent] = mock.requests
    expect(sent.method).toBe('POST')
    expect(sent.path).toBe('/v1/responses')
    expect(sent.json).toEqual({ model: 'gpt-5.4', input: 'x', instructions: 'Be brief.', stream: true })
    expect(sent.headers['x-stainless-helper-method']).toBe('stream')
  })

  it('lets request headers remove the helper header', async () => {
    await streamResponse(
      client,
      { model: 'm', input: 'x' },
      { headers: { 'X-Stainless-Helper-Method': null } },
    ).done()
    expect(mock.requests[0].headers['x-stainless-helper-method']).toBeUndefined()
  })

  it("lets request headers remove a client's default header, as on any other call", async () => {
    const withTeam = withOptions(client, { defaultHeaders: { 'x-team': 'search' } })
    await streamResponse(withTeam, { model: 'm', input: 'x' }, { headers: { 'x-team': null } }).done()
    expect(mock.requests[0].headers['x-team']).toBeUndefined()
    expect(mock.requests[0].headers['x-stainless-helper-method']).toBe('stream')
  })

  it('gives every event to `event` listeners and to async iteration, in order', async () => {
    const seen: string[] = []
    const stream = streamResponse(client, { model: 'gpt-5.4', input: 'Say hi' }).on('event', (e) =>
      seen.push(e.type),
    )
    const iterated: string[] = []
    for await (const event of stream) iterated.push(event.type)
    expect(iterated).toEqual(seen)
    expect(iterated[0]).toBe('response.created')
    expect(iterated.at(-1)).toBe('response.completed')
    expect(iterated.filter((t) => t === 'response.output_text.delta')).toHaveLength(5)
  })

  it('accumulates function call arguments with snapshots', async () => {
    const snapshots: string[] = []
    let done = ''
    const final = await streamResponse(client, {
      model: 'gpt-5.4',
      input: 'What is the weather in Paris?',
      tools: [weatherTool],
    })
      .on('response.function_call_arguments.delta', (e) => snapshots.push(e.snapshot))
      .on('response.function_call_arguments.done', (e) => (done = e.arguments))
      .finalResponse()
    const [call] = final.output
    expect(call.type).toBe('function_call')
    const args = call.type === 'function_call' ? call.arguments : ''
    expect(JSON.parse(args)).toEqual({ city: expect.any(String) })
    expect(snapshots.at(-1)).toBe(args)
    expect(snapshots.every((s, i) => i === 0 || s.startsWith(snapshots[i - 1]))).toBe(true)
    expect(done).toBe(args)
    expect(final.output_text).toBe('')
  })

  it('once() listens to one event and off() stops listening', async () => {
    let first = 0
    let all = 0
    const count = () => all++
    const stream = streamResponse(client, { model: 'gpt-5.4', input: 'Say hi' })
      .once('response.output_text.delta', () => first++)
      .on('response.output_text.delta', count)
      .off('response.output_text.delta', count)
    await stream.done()
    expect(first).toBe(1)
    expect(all).toBe(0)
  })

  it('resolves finalResponse for an incomplete response', async () => {
    const final = await streamResponse(client, {
      model: 'gpt-5.4',
      input: 'a b c d',
      max_output_tokens: 2,
    }).finalResponse()
    expect(final.status).toBe('incomplete')
    expect(final.output_text).toBe('Hello! You ')
  })

  it('abort() cancels the stream: abort listeners run and finalResponse rejects with APIUserAbortError', async () => {
    const events: string[] = []
    let abortError: unknown
    let errorCalls = 0
    const stream = streamResponse(client, { model: 'gpt-5.4', input: 'Say hi' })
    stream
      .on('event', (e) => {
        events.push(e.type)
        if (e.type === 'response.output_text.delta') stream.abort()
      })
      .on('abort', (e) => (abortError = e))
      .on('error', () => errorCalls++)
    const error = await stream.finalResponse().catch((e) => e)
    expect(error).toBeInstanceOf(APIUserAbortError)
    expect(abortError).toBe(error)
    expect(errorCalls).toBe(0)
    expect(events.at(-1)).toBe('response.output_text.delta')
    expect(events.filter((t) => t === 'response.output_text.delta')).toHaveLength(1)
    expect(stream.aborted).toBe(true)
    expect(stream.controller.signal.aborted).toBe(true)
  })

  it('stops when the caller aborts its own signal, even before the response arrives', async () => {
    const controller = new AbortController()
    controller.abort()
    const stream = streamResponse(client, { model: 'gpt-5.4', input: 'x' }, { signal: controller.signal })
    expect(await stream.done().catch((e) => e)).toBeInstanceOf(APIUserAbortError)
    expect(stream.aborted).toBe(true)
  })

  it('breaking out of iteration aborts the request', async () => {
    const stream = streamResponse(client, { model: 'gpt-5.4', input: 'Say hi' })
    for await (const event of stream) if (event.type === 'response.output_item.added') break
    expect(await stream.done().catch((e) => e)).toBeInstanceOf(APIUserAbortError)
    expect(stream.aborted).toBe(true)
  })

  it('resumes a stream after starting_after without re-emitting earlier events', async () => {
    const original = await createResponse(client, { model: 'gpt-5.4', input: 'Say hi', stream: true })
    const all: ResponseStreamEvent[] = []
    for await (const event of original) all.push(event)
    const id = all[0].type === 'response.created' ? all[0].response.id : ''

    const seen: number[] = []
    const deltas: string[] = []
    const stream = streamResponse(client, { response_id: id, starting_after: 5 })
      .on('event', (e) => seen.push(e.sequence_number))
      .on('response.output_text.delta', (e) => deltas.push(e.snapshot))
    const final = await stream.finalResponse()
    expect(seen).toEqual(all.filter((e) => e.sequence_number > 5).map((e) => e.sequence_number))
    // Deltas before the resume point were accumulated, so the snapshots continue the text.
    expect(deltas[0]).toBe('Hello! You said: ')
    expect(final.output_text).toBe('Hello! You said: Say hi')
    const sent = mock.requests.at(-1)!
    expect(sent.method).toBe('GET')
    expect(sent.path).toBe(`/v1/responses/${id}`)
    expect(sent.search).toBe('?stream=true')
    expect(sent.headers['x-stainless-helper-method']).toBe('stream')
  })

  it('encodes the response id of a resume as one path segment and refuses dot segments', async () => {
    const missing = await streamResponse(client, { response_id: 'resp_1/../x' })
      .done()
      .catch((e) => e)
    expect(missing.status).toBe(404)
    expect(mock.requests[0].path).toBe('/v1/responses/resp_1%2F..%2Fx')
    const dots = await streamResponse(client, { response_id: '..' })
      .done()
      .catch((e) => e)
    expect(dots.message).toBe('response_id cannot be "..": pass the id of the response to resume.')
    expect(mock.requests).toHaveLength(1)
  })

  it('turns an error event into an APIError for error listeners, done() and finalResponse()', async () => {
    const errors: OpenAIError[] = []
    const stream = streamResponse(client, { model: 'gpt-5.4', input: 'trigger error' }).on('error', (e) =>
      errors.push(e),
    )
    const error = await stream.finalResponse().catch((e) => e)
    expect(error).toBeInstanceOf(APIError)
    expect(error.code).toBe('server_error')
    expect(errors).toEqual([error])
    expect(stream.errored).toBe(true)
    expect(stream.aborted).toBe(false)
  })

  it('reports an HTTP error before the stream starts', async () => {
    const error = await streamResponse(client, { input: 'no model' })
      .done()
      .catch((e) => e)
    expect(error).toBeInstanceOf(BadRequestError)
  })

  it('refuses a delta for an item that was never added, with a clear error', async () => {
    mock.enqueueFault({
      sse: {
        chunks: [
          frame({ type: 'response.created', sequence_number: 0, response: responseShell }),
          frame({
            type: 'response.output_text.delta',
            sequence_number: 1,
            item_id: 'msg_1',
            output_index: 0,
            content_index: 0,
            delta: 'x',
            logprobs: [],
          }),
        ],
      },
    })
    const error = await streamResponse(client, { model: 'gpt-5.4', input: 'x' })
      .finalResponse()
      .catch((e) => e)
    expect(error.name).toBe('OpenAIError')
    expect(error.message).toBe(
      'response.output_text.delta refers to output item 0, which no earlier event added.',
    )
  })

  it('wraps a malformed stream into an OpenAIError', async () => {
    mock.enqueueFault({ sse: { chunks: ['event: response.created\ndata: {not json\n\n'] } })
    const error = await streamResponse(client, { model: 'gpt-5.4', input: 'x' })
      .done()
      .catch((e) => e)
    expect(error.name).toBe('OpenAIError')
    expect(error.cause).toBeInstanceOf(SyntaxError)
  })

  it('fails when the stream ends without any event', async () => {
    mock.enqueueFault({ sse: { chunks: [] } })
    const error = await streamResponse(client, { model: 'gpt-5.4', input: 'x' })
      .finalResponse()
      .catch((e) => e)
    expect(error.message).toBe('The stream ended without sending any events.')
  })

  it('types listeners per event type', () => {
    const typeOnly = (stream: ResponseStream) => {
      stream.on('response.output_text.delta', (e) => {
        expectTypeOf(e).toEqualTypeOf<ResponseTextDeltaEvent & { snapshot: string }>()
      })
      stream.on('response.completed', (e) => {
        expectTypeOf(e.type).toEqualTypeOf<'response.completed'>()
        expectTypeOf(e.response.id).toBeString()
      })
      stream.on('response.output_item.added', (e) => expectTypeOf(e).not.toHaveProperty('snapshot'))
      stream.on('error', (e) => expectTypeOf(e).toEqualTypeOf<OpenAIError>())
      stream.on('event', (e) => expectTypeOf(e).toEqualTypeOf<ResponseStreamEvent>())
      // @ts-expect-error not an event type
      stream.on('response.output_text.delt', () => {})
      expectTypeOf(stream.finalResponse()).toEqualTypeOf<Promise<ResponseWithOutputText>>()
      expectTypeOf(stream).toMatchTypeOf<AsyncIterable<ResponseStreamEvent>>()
    }
    expectTypeOf(typeOnly).toBeFunction()
    expectTypeOf(streamResponse).parameter(1).toMatchTypeOf<object>()
    // @ts-expect-error the helper always streams
    const refused = () => streamResponse(client, { model: 'm', stream: false })
    expectTypeOf(refused).toBeFunction()
  })
})

describe('streamResponse: what the official helper gets wrong or leaves out', () => {
  const created = { type: 'response.created', sequence_number: 0, response: responseShell }
  const inProgress = { type: 'response.in_progress', sequence_number: 1, response: responseShell }

  it('rejects finalResponse and done() when the stream ends before response.completed, failed or incomplete', async () => {
    mock.enqueueFault({ sse: { chunks: [frame(created), frame(inProgress)] } })
    const stream = streamResponse(client, { model: 'gpt-5.4', input: 'x' })
    const error = await stream.finalResponse().catch((e) => e)
    expect(error.name).toBe('OpenAIError')
    expect(error.message).toBe('The stream ended before response.completed; was the connection cut?')
    await expect(stream.done()).rejects.toBe(error)
    // What arrived is still there to look at.
    expect(stream.currentResponse?.id).toBe('resp_x')
  })

  it('gives an iterator made before the first event every event that arrived before its first next(), then the error', async () => {
    mock.enqueueFault({ sse: { chunks: [frame(created), frame(inProgress)] } })
    const stream = streamResponse(client, { model: 'gpt-5.4', input: 'x' })
    const iterator = stream[Symbol.asyncIterator]()
    await stream.done().catch(() => {})
    expect((await iterator.next()).value?.type).toBe('response.created')
    expect((await iterator.next()).value?.type).toBe('response.in_progress')
    await expect(iterator.next()).rejects.toThrow('The stream ended before response.completed')
  })

  it('gives a typed listener the event as it arrived, whatever an `event` listener did to its copy', async () => {
    const typed: string[] = []
    const stream = streamResponse(client, { model: 'gpt-5.4', input: 'Say hi' })
      .on('event', (e) => {
        if (e.type === 'response.output_text.delta') {
          e.delta = 'changed'
          ;(e as { type: string }).type = 'renamed'
        }
      })
      .on('response.output_text.delta', (e) => typed.push(e.delta))
    const final = await stream.finalResponse()
    expect(typed.join('')).toBe(final.output_text)
    expect(typed).not.toContain('changed')
  })

  it('accumulates hosted-shell commands and their output into the final response', async () => {
    const shellCall = {
      type: 'shell_call',
      id: 'sh_1',
      call_id: 'call_1',
      status: 'in_progress',
      action: { commands: [], timeout_ms: null, max_output_length: null },
      environment: null,
    }
    const shellOutput = {
      type: 'shell_call_output',
      id: 'sho_1',
      call_id: 'call_1',
      status: 'in_progress',
      output: [],
      max_output_length: null,
    }
    const events = [
      created,
      { type: 'response.output_item.added', sequence_number: 1, output_index: 0, item: shellCall },
      {
        type: 'response.shell_call_command.added',
        sequence_number: 2,
        output_index: 0,
        command_index: 0,
        command: '',
      },
      {
        type: 'response.shell_call_command.delta',
        sequence_number: 3,
        output_index: 0,
        command_index: 0,
        delta: 'ls ',
      },
      {
        type: 'response.shell_call_command.delta',
        sequence_number: 4,
        output_index: 0,
        command_index: 0,
        delta: '-l',
      },
      {
        type: 'response.shell_call_command.done',
        sequence_number: 5,
        output_index: 0,
        command_index: 0,
        command: 'ls -l',
      },
      {
        type: 'response.shell_call_command.added',
        sequence_number: 6,
        output_index: 0,
        command_index: 1,
        command: 'pwd',
      },
      { type: 'response.output_item.added', sequence_number: 7, output_index: 1, item: shellOutput },
      ...[{ stdout: 'a.txt\n' }, { stderr: 'warn' }, { stdout: 'b.txt\n' }].map((delta, i) => ({
        type: 'response.shell_call_output_content.delta',
        sequence_number: 8 + i,
        item_id: 'sho_1',
        output_index: 1,
        command_index: 0,
        delta,
      })),
      {
        type: 'response.completed',
        sequence_number: 11,
        response: { ...responseShell, status: 'completed', output: [] },
      },
    ]
    mock.enqueueFault({ sse: { chunks: events.map(frame) } })
    const final = await streamResponse(client, { model: 'gpt-5.4', input: 'x' }).finalResponse()
    expect((final.output[0] as any).action.commands).toEqual(['ls -l', 'pwd'])
    expect((final.output[1] as any).output).toEqual([{ stdout: 'a.txt\nb.txt\n', stderr: 'warn' }])

    const done = {
      type: 'response.shell_call_output_content.done',
      sequence_number: 8,
      item_id: 'sho_1',
      output_index: 1,
      command_index: 0,
      output: [{ stdout: 'a.txt\n', stderr: '', outcome: { type: 'exit', exit_code: 0 } }],
    }
    mock.enqueueFault({ sse: { chunks: [...events.slice(0, 8), done, events.at(-1)!].map(frame) } })
    const replaced = await streamResponse(client, { model: 'gpt-5.4', input: 'x' }).finalResponse()
    expect((replaced.output[1] as any).output).toEqual(done.output)
  })

  it('fails clearly when a hosted-shell event points at an item of another type, or at a far index', async () => {
    const message = { id: 'msg_1', type: 'message', role: 'assistant', status: 'in_progress', content: [] }
    const added = { type: 'response.output_item.added', sequence_number: 1, output_index: 0, item: message }
    const command = { sequence_number: 2, output_index: 0, command_index: 0 }
    mock.enqueueFault({
      sse: {
        chunks: [
          created,
          added,
          { ...command, type: 'response.shell_call_command.added', command: 'ls' },
        ].map(frame),
      },
    })
    const wrongType = await streamResponse(client, { model: 'gpt-5.4', input: 'x' })
      .finalResponse()
      .catch((e) => e)
    expect(wrongType.name).toBe('OpenAIError')
    expect(wrongType.message).toBe(
      'response.shell_call_command.added refers to a message, not shell_call (output item 0).',
    )

    const far = { ...added, output_index: 1e9 }
    mock.enqueueFault({ sse: { chunks: [created, far].map(frame) } })
    const error = await streamResponse(client, { model: 'gpt-5.4', input: 'x' })
      .finalResponse()
      .catch((e) => e)
    expect(error.message).toBe('response.output_item.added has an invalid output index: 1000000000.')
  })
})
