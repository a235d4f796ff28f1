import { OpenAIError } from '@acme/openai-core'
import { zodResponseFormat as officialZodResponseFormat } from 'openai/helpers/zod'
import { describe, expect, expectTypeOf, it } from 'vitest'
import * as z from 'zod'
import * as zm from 'zod/mini'
import type { AutoParseableResponseFormat } from '../types/parsed-chat-completion'
import { zodResponseFormat } from './zod-response-format'

const schemas = {
  flat: z.object({ name: z.string(), age: z.number().int(), ok: z.boolean() }),
  nested: z.object({
    steps: z.array(z.object({ explanation: z.string(), output: z.string() })).describe('the steps'),
    final_answer: z.string(),
    kind: z.enum(['a', 'b']),
    note: z.string().nullable(),
    maybe: z.number().nullable().optional(),
  }),
  unions: z.object({
    value: z.union([z.string(), z.number()]),
    shape: z.discriminatedUnion('type', [
      z.object({ type: z.literal('circle'), radius: z.number() }),
      z.object({ type: z.literal('square'), side: z.number() }),
    ]),
  }),
}

describe('zodResponseFormat', () => {
  for (const [name, schema] of Object.entries(schemas))
    it(`sends the same format as the official helper (${name})`, () => {
      const ours = zodResponseFormat(schema, name, { description: 'd' })
      const official = officialZodResponseFormat(schema, name, { description: 'd' })
      expect(JSON.parse(JSON.stringify(ours))).toEqual(JSON.parse(JSON.stringify(official)))
      expect(Object.keys(ours)).toEqual(['type', 'json_schema'])
      expect(ours.$brand).toBe('auto-parseable-response-format')
    })

  it('builds the strict wire shape and parses content with the schema', () => {
    const format = zodResponseFormat(schemas.flat, 'person')
    expect(JSON.parse(JSON.stringify(format))).toEqual({
      type: 'json_schema',
      json_schema: {
        name: 'person',
        strict: true,
        schema: {
          $schema: 'http://json-schema.org/draft-07/schema#',
          type: 'object',
          properties: {
            name: { type: 'string' },
            age: { type: 'integer', minimum: -9007199254740991, maximum: 9007199254740991 },
            ok: { type: 'boolean' },
          },
          required: ['name', 'age', 'ok'],
          additionalProperties: false,
        },
      },
    })
    expect(format.$parseRaw('{"name":"Ana","age":7,"ok":true}')).toEqual({ name: 'Ana', age: 7, ok: true })
    expect(() => format.$parseRaw('{"name":"Ana","age":"7","ok":true}')).toThrow(/expected number/)
    expect(() => format.$parseRaw('{"name":')).toThrow(
      new SyntaxError('Error reading response: invalid structured output JSON.'),
    )
    expectTypeOf(format).toEqualTypeOf<
      AutoParseableResponseFormat<{ name: string; age: number; ok: boolean }>
    >()
  })

  it('works with zod/mini schemas', () => {
    const format = zodResponseFormat(zm.object({ city: zm.string() }), 'place')
    expect(format.json_schema.schema).toEqual({
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      properties: { city: { type: 'string' } },
      required: ['city'],
      additionalProperties: false,
    })
    expect(format.$parseRaw('{"city":"Oslo"}')).toEqual({ city: 'Oslo' })
  })

  it('refuses schemas strict mode cannot express, saying which field', () => {
    expect(() => zodResponseFormat(z.object({ nick: z.string().optional() }), 'x')).toThrow(
      new OpenAIError(
        'Schema field at `properties/nick` uses `.optional()` without `.nullable()` which is not supported by the API. See: https://platform.openai.com/docs/guides/structured-outputs?api-mode=responses#all-fields-must-be-required',
      ),
    )
    expect(() => zodResponseFormat(z.object({ inner: z.object({ a: z.string().optional() }) }), 'x')).toThrow(
      /^Schema field at `properties\/inner\/properties\/a` uses/,
    )
    expect(() => zodResponseFormat(z.string() as any, 'x')).toThrow(
      "Root schema must have type: 'object' but got type: 'string'",
    )
    expect(() => zodResponseFormat(z.object({ m: z.record(z.string(), z.number()) }), 'x')).toThrow(
      'Object schema at `properties/m` must set `additionalProperties: false` to be compatible with strict Structured Outputs.',
    )
  })
})
