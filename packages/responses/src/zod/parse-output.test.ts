import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { ResponseWithOutputText } from '../types'
import { ResponseIncompleteError, ResponseParseError, ResponseRefusalError } from './parse-errors'
import { _parseOutput } from './parse-output'
import { zodResponsesFunction } from './zod-responses-function'
import { zodTextFormat } from './zod-text-format'

const response = (output: unknown[], fields: Record<string, unknown> = {}) =>
  ({ id: 'resp_1', object: 'response', status: 'completed', output, ...fields }) as ResponseWithOutputText

const call = (name: string, args: string, namespace?: string) => ({
  type: 'function_call',
  call_id: `call_${name}`,
  name,
  arguments: args,
  ...(namespace ? { namespace } : {}),
})

const text = (value: string, fields: Record<string, unknown> = {}) => ({
  type: 'message',
  role: 'assistant',
  content: [{ type: 'output_text', text: value, annotations: [] }],
  ...fields,
})

const City = zodResponsesFunction({ name: 'get_weather', parameters: z.object({ city: z.string() }) })
const plain = { type: 'function', name: 'plain', strict: true, parameters: {} }
const loose = { type: 'function', name: 'loose', strict: false, parameters: {} }

describe('_parseOutput', () => {
  it('parses the calls of zod and plain strict tools, and leaves other calls at null', () => {
    const parsed = _parseOutput(
      response([
        call('get_weather', '{"city":"Rome"}'),
        call('plain', '{"a":1}'),
        call('loose', '{"b":2}'),
        call('unknown', '{}'),
      ]),
      { tools: [City, plain, loose] },
    )
    expect(parsed.output.map((item: any) => item.parsed_arguments)).toEqual([
      { city: 'Rome' },
      { a: 1 },
      null,
      null,
    ])
    expect(parsed.output_parsed).toBeNull()
  })

  it('matches namespaced calls by namespace and name, as the official client does', () => {
    const inner = zodResponsesFunction({ name: 'get_weather', parameters: z.object({ n: z.number() }) })
    const deferred = { ...plain, name: 'search', defer_loading: true }
    const tools = [City, deferred, { type: 'namespace', name: 'ns', description: 'd', tools: [inner] }]
    const parsed = _parseOutput(
      response([
        call('get_weather', '{"n":1}', 'ns'),
        call('get_weather', '{"city":"Oslo"}'),
        call('search', '{"q":1}', 'search'),
        call('get_weather', '{"city":"Oslo"}', 'other'),
      ]),
      { tools },
    )
    expect(parsed.output.map((item: any) => item.parsed_arguments)).toEqual([
      { n: 1 },
      { city: 'Oslo' },
      { q: 1 },
      null,
    ])
  })

  it('throws ResponseParseError for the arguments of a plain strict tool that are not JSON', () => {
    const run = () => _parseOutput(response([call('plain', '{"a":')]), { tools: [plain] })
    expect(run).toThrow(ResponseParseError)
    expect(run).toThrow('The arguments of the plain call are not valid JSON.')
  })

  it('throws the tool schema error for arguments that do not match', () => {
    const run = () => _parseOutput(response([call('get_weather', '{"city":1}')]), { tools: [City] })
    expect(run).toThrow(
      'The arguments of the get_weather call do not match its parameters schema; see `cause` for the issues.',
    )
  })

  it('sets parsed to null on parts it does not parse: no format, or commentary', () => {
    const plainText = _parseOutput(response([text('hi')]), {})
    expect((plainText.output[0] as any).content[0].parsed).toBeNull()
    expect(plainText.output_parsed).toBeNull()
    const format = zodTextFormat(z.object({ n: z.number() }), 'n')
    const withCommentary = _parseOutput(
      response([text('not json', { phase: 'commentary' }), text('{"n":3}', { phase: 'final_answer' })]),
      { text: { format } },
    )
    expect(withCommentary.output.map((item: any) => item.content[0].parsed)).toEqual([null, { n: 3 }])
    expect(withCommentary.output_parsed).toEqual({ n: 3 })
  })

  it('throws ResponseIncompleteError for an incomplete response before parsing anything', () => {
    const incomplete = response([text('{"n":')], {
      status: 'incomplete',
      incomplete_details: { reason: 'content_filter' },
    })
    const error = (() => {
      try {
        _parseOutput(incomplete, { text: { format: zodTextFormat(z.object({ n: z.number() }), 'n') } })
      } catch (e) {
        return e as ResponseIncompleteError
      }
    })()
    expect(error).toBeInstanceOf(ResponseIncompleteError)
    expect(error?.reason).toBe('content_filter')
  })

  it('parses nothing in a failed or cancelled response, as the official client does', () => {
    const failed = _parseOutput(response([text('{"n":'), call('get_weather', '{')], { status: 'failed' }), {
      text: { format: zodTextFormat(z.object({ n: z.number() }), 'n') },
      tools: [City],
    })
    expect(failed.output_parsed).toBeNull()
    expect((failed.output[0] as any).content[0].parsed).toBeNull()
    expect((failed.output[1] as any).parsed_arguments).toBeNull()
  })

  it('throws ResponseRefusalError only when structured output was asked for', () => {
    const refused = () => response([{ type: 'message', content: [{ type: 'refusal', refusal: 'No.' }] }])
    expect(() =>
      _parseOutput(refused(), { text: { format: zodTextFormat(z.object({ n: z.number() }), 'n') } }),
    ).toThrow(ResponseRefusalError)
    expect(_parseOutput(refused(), { tools: [City] }).output_parsed).toBeNull()
  })
})
