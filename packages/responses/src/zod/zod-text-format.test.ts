import { OpenAIError } from '@acme/openai-core'
import { zodTextFormat as officialZodTextFormat } from 'openai/helpers/zod'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { z } from 'zod'
import * as zm from 'zod/mini'
import { ResponseParseError } from './parse-errors'
import { zodTextFormat } from './zod-text-format'

const Event = z.object({
  name: z.string(),
  date: z.string().describe('ISO date'),
  attendees: z.array(z.object({ name: z.string(), age: z.number().int() })),
  venue: z.string().nullable(),
  kind: z.enum(['talk', 'workshop']),
  price: z.union([z.number(), z.string()]),
  detail: z.discriminatedUnion('type', [
    z.object({ type: z.literal('online'), url: z.string() }),
    z.object({ type: z.literal('onsite'), room: z.number() }),
  ]),
})

describe('zodTextFormat', () => {
  it('produces the same text.format as the official helper', () => {
    const ours = zodTextFormat(Event, 'event', { description: 'An event' })
    const official = officialZodTextFormat(Event, 'event', { description: 'An event' })
    expect(JSON.parse(JSON.stringify(ours))).toEqual(JSON.parse(JSON.stringify(official)))
    expect(ours).toMatchObject({ type: 'json_schema', name: 'event', strict: true, description: 'An event' })
    expect(ours.schema.additionalProperties).toBe(false)
    expect((ours.schema as any).properties.detail.anyOf).toHaveLength(2)
  })

  it('keeps $brand and $parseRaw out of the JSON it sends', () => {
    const format = zodTextFormat(z.object({ a: z.string() }), 'a')
    expect(format.$brand).toBe('auto-parseable-response-format')
    expect(Object.keys(format)).toEqual(['type', 'name', 'strict', 'schema'])
    expect(JSON.parse(JSON.stringify(format))).toEqual({
      type: 'json_schema',
      name: 'a',
      strict: true,
      schema: {
        $schema: 'http://json-schema.org/draft-07/schema#',
        type: 'object',
        properties: { a: { type: 'string' } },
        required: ['a'],
        additionalProperties: false,
      },
    })
  })

  it('accepts zod/mini schemas', () => {
    const mini = zodTextFormat(zm.object({ a: zm.string(), b: zm.nullable(zm.number()) }), 'mini')
    const classic = zodTextFormat(z.object({ a: z.string(), b: z.number().nullable() }), 'mini')
    expect(mini.schema).toEqual(classic.schema)
    expect(mini.$parseRaw('{"a":"x","b":null}')).toEqual({ a: 'x', b: null })
  })

  it('parses and validates output with $parseRaw', () => {
    const format = zodTextFormat(Event, 'event')
    const value = {
      name: 'Fair',
      date: '2026-01-01',
      attendees: [{ name: 'Ann', age: 30 }],
      venue: null,
      kind: 'talk',
      price: 0,
      detail: { type: 'online', url: 'https://example.com' },
    }
    expect(format.$parseRaw(JSON.stringify(value))).toEqual(value)
    expectTypeOf(format.$parseRaw).returns.toEqualTypeOf<z.infer<typeof Event>>()
  })

  it('throws ResponseParseError for invalid JSON without quoting it', () => {
    const format = zodTextFormat(z.object({ a: z.string() }), 'a')
    const error = (() => {
      try {
        format.$parseRaw('{"a": "secret')
      } catch (e) {
        return e as ResponseParseError
      }
    })()
    expect(error).toBeInstanceOf(ResponseParseError)
    expect(error).toBeInstanceOf(OpenAIError)
    expect(error?.message).toBe('The structured output is not valid JSON.')
    expect(error?.cause).toBeInstanceOf(SyntaxError)
  })

  it('throws ResponseParseError when the output does not match the schema', () => {
    const format = zodTextFormat(z.object({ a: z.string() }), 'thing')
    expect(() => format.$parseRaw('{"a": 1}')).toThrow(
      new ResponseParseError(
        'The structured output does not match the thing schema; see `cause` for the issues.',
      ),
    )
  })

  it('refuses schemas strict mode cannot express, saying what to change', () => {
    expect(() => zodTextFormat(z.object({ a: z.string().optional() }), 'x')).toThrow(
      'Strict structured outputs need every property, but #/properties/a is optional. Use .nullable() instead of .optional().',
    )
    expect(() => zodTextFormat(z.object({ m: z.record(z.string(), z.string()) }), 'x')).toThrow(
      'Strict structured outputs need closed objects, but the schema at #/properties/m allows extra properties (a record or loose object). Use a z.object with known keys.',
    )
    expect(() => zodTextFormat(z.string() as any, 'x')).toThrow(
      'zodTextFormat needs an object schema at the root (strict structured outputs), got string. Wrap it: z.object({ value: schema }).',
    )
  })

  it('accepts an optional field that is also nullable, as required', () => {
    const format = zodTextFormat(z.object({ a: z.string().nullable().optional() }), 'x')
    expect(format.schema.required).toEqual(['a'])
  })
})
