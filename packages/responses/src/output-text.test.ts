import { describe, expect, expectTypeOf, it } from 'vitest'
import type { OutputItem } from './generated/types'
import { _withOutputText, outputText } from './output-text'

const message = (...texts: string[]): OutputItem => ({
  type: 'message',
  id: 'msg_1',
  role: 'assistant',
  status: 'completed',
  content: texts.map((text) => ({ type: 'output_text', text, annotations: [], logprobs: [] })),
})

describe('outputText', () => {
  it('joins every output_text part of every message, without a separator', () => {
    expect(outputText({ output: [message('Hello '), message('world', '!')] })).toBe('Hello world!')
  })

  it('skips refusals, reasoning and tool calls', () => {
    const output: OutputItem[] = [
      { type: 'reasoning', id: 'rs_1', summary: [{ type: 'summary_text', text: 'thinking' }] },
      {
        type: 'message',
        id: 'msg_2',
        role: 'assistant',
        status: 'completed',
        content: [{ type: 'refusal', refusal: 'no' }],
      },
      { type: 'function_call', call_id: 'call_1', name: 'f', arguments: '{}' },
      message('only this'),
    ]
    expect(outputText({ output })).toBe('only this')
  })

  it('is empty for no output', () => {
    expect(outputText({ output: [] })).toBe('')
    expectTypeOf(outputText).returns.toEqualTypeOf<string>()
  })
})

describe('_withOutputText', () => {
  it('sets output_text on Response objects only, in place', () => {
    const response = { object: 'response', output: [message('a', 'b')] }
    expect(_withOutputText(response)).toBe(response)
    expect((response as any).output_text).toBe('ab')
    const other = { object: 'list', data: [] }
    expect(_withOutputText(other)).toEqual({ object: 'list', data: [] })
    expect(_withOutputText(null)).toBe(null)
  })
})
