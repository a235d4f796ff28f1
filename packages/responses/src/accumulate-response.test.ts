import { APIError, OpenAIError } from '@acme/openai-core'
import { describe, expect, it } from 'vitest'
import { _accumulateResponse, type ResponseSnapshot } from './accumulate-response'
import type { Response, ResponseStreamEvent } from './generated/types'

const shell = (fields: Partial<Response> = {}): Response =>
  ({
    id: 'resp_1',
    object: 'response',
    created_at: 1,
    status: 'in_progress',
    error: null,
    incomplete_details: null,
    instructions: null,
    model: 'm',
    tools: [],
    output: [],
    parallel_tool_calls: true,
    metadata: {},
    tool_choice: 'auto',
    temperature: 1,
    top_p: 1,
    ...fields,
  }) as Response

let seq = 0
const ev = (event: Record<string, unknown>) => ({ sequence_number: seq++, ...event }) as ResponseStreamEvent

function run(events: ResponseStreamEvent[]): { state: ResponseSnapshot; snapshots: (string | undefined)[] } {
  const state: ResponseSnapshot = {}
  const snapshots = events.map((event) => _accumulateResponse(state, event))
  return { state, snapshots }
}

const created = ev({ type: 'response.created', response: shell() })
const messageAdded = ev({
  type: 'response.output_item.added',
  output_index: 0,
  item: { id: 'msg_1', type: 'message', role: 'assistant', status: 'in_progress', content: [] },
})
const partAdded = ev({
  type: 'response.content_part.added',
  item_id: 'msg_1',
  output_index: 0,
  content_index: 0,
  part: { type: 'output_text', text: '', annotations: [] },
})
const delta = (text: string, output_index = 0, content_index = 0) =>
  ev({
    type: 'response.output_text.delta',
    item_id: 'msg_1',
    output_index,
    content_index,
    delta: text,
    logprobs: [],
  })

describe('_accumulateResponse', () => {
  it('builds the text of a message from deltas and returns the snapshot so far', () => {
    const { state, snapshots } = run([created, messageAdded, partAdded, delta('Hi'), delta(' there')])
    expect(snapshots.slice(3)).toEqual(['Hi', 'Hi there'])
    expect(state.response?.output).toEqual([
      {
        id: 'msg_1',
        type: 'message',
        role: 'assistant',
        status: 'in_progress',
        content: [{ type: 'output_text', text: 'Hi there', annotations: [] }],
      },
    ])
  })

  it('does not change the events it was given', () => {
    const added = structuredClone(messageAdded)
    run([created, added, partAdded, delta('x')])
    expect(added).toEqual(messageAdded)
    expect((created as any).response.output).toEqual([])
  })

  it('keeps the accumulated output across interim snapshots and takes the final one as sent', () => {
    const inProgress = ev({ type: 'response.in_progress', response: shell() })
    const finalItem = {
      id: 'msg_1',
      type: 'message',
      role: 'assistant',
      status: 'completed',
      content: [{ type: 'output_text', text: 'Hi', annotations: [], logprobs: [] }],
    }
    const completed = ev({
      type: 'response.completed',
      response: shell({ status: 'completed', output: [finalItem as any] }),
    })
    const { state } = run([created, messageAdded, partAdded, delta('Hi'), inProgress])
    expect((state.response!.output[0] as any).content[0].text).toBe('Hi')
    _accumulateResponse(state, completed)
    expect(state.response?.status).toBe('completed')
    expect(state.response?.output).toEqual([finalItem])
  })

  it('accumulates function call arguments and takes the full value from .done', () => {
    const { state, snapshots } = run([
      created,
      ev({
        type: 'response.output_item.added',
        output_index: 0,
        item: {
          id: 'fc_1',
          type: 'function_call',
          call_id: 'c',
          name: 'f',
          arguments: '',
          status: 'in_progress',
        },
      }),
      ev({
        type: 'response.function_call_arguments.delta',
        item_id: 'fc_1',
        output_index: 0,
        delta: '{"a":',
      }),
      ev({ type: 'response.function_call_arguments.delta', item_id: 'fc_1', output_index: 0, delta: '1}' }),
    ])
    expect(snapshots.slice(2)).toEqual(['{"a":', '{"a":1}'])
    expect((state.response!.output[0] as any).arguments).toBe('{"a":1}')
    expect(state.response!.output[0]).not.toHaveProperty('content')
    _accumulateResponse(
      state,
      ev({
        type: 'response.function_call_arguments.done',
        item_id: 'fc_1',
        output_index: 0,
        name: 'f',
        arguments: '{"a":2}',
      }),
    )
    expect((state.response!.output[0] as any).arguments).toBe('{"a":2}')
  })

  it('accumulates reasoning summaries, reasoning text and annotations', () => {
    const { state } = run([
      created,
      messageAdded,
      partAdded,
      ev({
        type: 'response.output_item.added',
        output_index: 1,
        item: { id: 'rs_1', type: 'reasoning', summary: [] },
      }),
      ev({
        type: 'response.reasoning_summary_part.added',
        item_id: 'rs_1',
        output_index: 1,
        summary_index: 0,
        part: { type: 'summary_text', text: '' },
      }),
      ev({
        type: 'response.reasoning_summary_text.delta',
        item_id: 'rs_1',
        output_index: 1,
        summary_index: 0,
        delta: 'Think',
      }),
      ev({
        type: 'response.content_part.added',
        item_id: 'rs_1',
        output_index: 1,
        content_index: 0,
        part: { type: 'reasoning_text', text: '' },
      }),
      ev({
        type: 'response.reasoning_text.delta',
        item_id: 'rs_1',
        output_index: 1,
        content_index: 0,
        delta: 'Step',
      }),
    ])
    const [message, reasoning] = state.response!.output as any[]
    expect(message.content[0]).toEqual({ type: 'output_text', text: '', annotations: [] })
    expect(reasoning.summary).toEqual([{ type: 'summary_text', text: 'Think' }])
    expect(reasoning.content).toEqual([{ type: 'reasoning_text', text: 'Step' }])
    const annotation = {
      type: 'url_citation',
      url: 'https://example.com',
      title: 't',
      start_index: 0,
      end_index: 1,
    }
    _accumulateResponse(
      state,
      ev({
        type: 'response.output_text.annotation.added',
        item_id: 'msg_1',
        output_index: 0,
        content_index: 0,
        annotation_index: 0,
        annotation,
      }),
    )
    expect(message.content[0].annotations).toEqual([annotation])
  })

  it('accumulates a refusal part', () => {
    const { state, snapshots } = run([
      created,
      messageAdded,
      ev({
        type: 'response.content_part.added',
        item_id: 'msg_1',
        output_index: 0,
        content_index: 0,
        part: { type: 'refusal', refusal: '' },
      }),
      ev({
        type: 'response.refusal.delta',
        item_id: 'msg_1',
        output_index: 0,
        content_index: 0,
        delta: 'No, ',
      }),
      ev({
        type: 'response.refusal.delta',
        item_id: 'msg_1',
        output_index: 0,
        content_index: 0,
        delta: 'sorry',
      }),
    ])
    expect(snapshots.at(-1)).toBe('No, sorry')
    expect((state.response!.output[0] as any).content).toEqual([{ type: 'refusal', refusal: 'No, sorry' }])
  })

  it('passes events it does not accumulate through, even for unknown items', () => {
    const { state } = run([
      created,
      ev({ type: 'response.web_search_call.searching', output_index: 5, item_id: 'ws_1' }),
      ev({ type: 'response.audio.delta', delta: 'AAAA' }),
      ev({ type: 'response.some_future_event.delta', output_index: 7, delta: 'x' }),
    ])
    expect(state.response?.output).toEqual([])
  })

  it('refuses a delta for an output item that was never added', () => {
    const error = (() => {
      try {
        run([created, delta('x', 3)])
      } catch (e) {
        return e as Error
      }
    })()
    expect(error).toBeInstanceOf(OpenAIError)
    expect(error?.message).toBe(
      'response.output_text.delta refers to output item 3, which no earlier event added.',
    )
  })

  it('refuses a delta for a content part that was never added', () => {
    expect(() => run([created, messageAdded, delta('x', 0, 1)])).toThrow(
      new OpenAIError(
        'response.output_text.delta refers to content part 1 of output item 0, which no earlier event added.',
      ),
    )
    expect(() =>
      run([
        created,
        ev({
          type: 'response.output_item.added',
          output_index: 0,
          item: { id: 'rs_1', type: 'reasoning', summary: [] },
        }),
        ev({
          type: 'response.reasoning_summary_text.delta',
          item_id: 'rs_1',
          output_index: 0,
          summary_index: 0,
          delta: 'x',
        }),
      ]),
    ).toThrow(
      'response.reasoning_summary_text.delta refers to summary part 0 of output item 0, which no earlier event added.',
    )
  })

  it('refuses a text delta on a part that is not output_text', () => {
    const refusalPart = ev({
      type: 'response.content_part.added',
      item_id: 'msg_1',
      output_index: 0,
      content_index: 0,
      part: { type: 'refusal', refusal: '' },
    })
    expect(() => run([created, messageAdded, refusalPart, delta('x')])).toThrow(
      'response.output_text.delta refers to a refusal part, not output_text (output item 0).',
    )
  })

  it('refuses item events before any response event', () => {
    expect(() => run([messageAdded])).toThrow(
      'response.output_item.added refers to a response, which no earlier event added.',
    )
  })

  it('throws an APIError for an error event', () => {
    const error = (() => {
      try {
        run([created, ev({ type: 'error', code: 'server_error', message: 'boom', param: null })])
      } catch (e) {
        return e as APIError
      }
    })()
    expect(error).toBeInstanceOf(APIError)
    expect(error?.message).toBe('boom')
    expect(error?.code).toBe('server_error')
  })
})
