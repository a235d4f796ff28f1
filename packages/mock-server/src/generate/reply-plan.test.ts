import { describe, expect, it } from 'vitest'
import { planReply, type ReplyInputs } from './reply-plan'

const base: ReplyInputs = {
  source: 'hi',
  fromUser: true,
  tools: [],
  toolChoice: 'auto',
  format: null,
  maxTokens: null,
}
const tool = {
  name: 'get_weather',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
}

describe('planReply', () => {
  it('answers text by default', () => {
    expect(planReply(base)).toEqual({ kind: 'message', text: 'Hello! You said: hi', truncated: false })
  })

  it('calls a tool for weather (auto), always (required), by name, never (none) or after a tool result', () => {
    const call = { kind: 'function_call', name: 'get_weather', arguments: '{"city":"Paris"}' }
    expect(planReply({ ...base, source: 'weather?', tools: [tool] })).toEqual(call)
    expect(planReply({ ...base, tools: [tool], toolChoice: 'required' })).toEqual(call)
    expect(
      planReply({ ...base, tools: [{ name: 'other', parameters: null }, tool], toolChoice: 'get_weather' }),
    ).toEqual(call)
    expect(planReply({ ...base, source: 'weather?', tools: [tool], toolChoice: 'none' }).kind).toBe('message')
    expect(planReply({ ...base, source: 'weather?', tools: [tool], fromUser: false }).kind).toBe('message')
  })

  it('answers JSON for structured formats and truncates under 5 tokens', () => {
    expect(planReply({ ...base, format: 'json_object' })).toEqual({
      kind: 'message',
      text: '{"reply":"Hello! You said: hi"}',
      truncated: false,
    })
    expect(planReply({ ...base, maxTokens: 3 })).toEqual({
      kind: 'message',
      text: 'Hello! You said: ',
      truncated: true,
    })
    expect(planReply({ ...base, maxTokens: 5 }).kind).toBe('message')
    expect(planReply({ ...base, maxTokens: 5 })).toMatchObject({ truncated: false })
  })
})
