import { OpenAIError } from '@acme/openai-core'
import { zodResponsesFunction as officialZodResponsesFunction } from 'openai/helpers/zod'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { z } from 'zod'
import * as zm from 'zod/mini'
import type { FunctionTool } from '../generated/types'
import { ResponseParseError } from './parse-errors'
import { type AutoParseableResponseTool, zodResponsesFunction } from './zod-responses-function'

const Weather = z.object({
  city: z.string().describe('City name'),
  unit: z.enum(['c', 'f']).nullable(),
  days: z.array(z.object({ offset: z.number().int() })),
  where: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('city'), name: z.string() }),
    z.object({ kind: z.literal('coords'), lat: z.number(), lon: z.number() }),
  ]),
})

const json = (value: unknown) => JSON.parse(JSON.stringify(value))

describe('zodResponsesFunction', () => {
  it('builds the same tool as the official helper', () => {
    const options = { name: 'get_weather', parameters: Weather, description: 'Weather now' }
    expect(json(zodResponsesFunction(options))).toEqual(json(officialZodResponsesFunction(options)))
    const deferred = { name: 'lookup', parameters: z.object({ q: z.string() }), defer_loading: true }
    expect(json(zodResponsesFunction(deferred))).toEqual(json(officialZodResponsesFunction(deferred)))
  })

  it('sends a strict function tool with only the API fields, in the official order', () => {
    const lookUp = (args: { city: string }) => args.city
    const tool = zodResponsesFunction({
      name: 'get_weather',
      parameters: z.object({ city: z.string() }),
      function: lookUp,
    })
    expect(Object.keys(tool)).toEqual(['type', 'name', 'parameters', 'strict'])
    expect(json(tool)).toEqual({
      type: 'function',
      name: 'get_weather',
      strict: true,
      parameters: {
        $schema: 'http://json-schema.org/draft-07/schema#',
        type: 'object',
        properties: { city: { type: 'string' } },
        required: ['city'],
        additionalProperties: false,
      },
    })
    expect(tool.$brand).toBe('auto-parseable-tool')
    expect(tool.$callback).toBe(lookUp)
    expect(
      Object.keys(
        zodResponsesFunction({ name: 'n', parameters: z.object({}), description: 'd', defer_loading: false }),
      ),
    ).toEqual(['type', 'name', 'parameters', 'strict', 'defer_loading', 'description'])
  })

  it('types the tool by the schema and keeps the literal name', () => {
    const tool = zodResponsesFunction({ name: 'get_weather', parameters: Weather })
    expectTypeOf(tool).toEqualTypeOf<AutoParseableResponseTool<z.infer<typeof Weather>, 'get_weather'>>()
    expectTypeOf(tool.$parseRaw).returns.toEqualTypeOf<z.infer<typeof Weather>>()
    expectTypeOf(tool).toMatchTypeOf<FunctionTool>()
    expectTypeOf(tool.name).toEqualTypeOf<'get_weather'>()
  })

  it('accepts zod/mini schemas', () => {
    const mini = zodResponsesFunction({
      name: 'f',
      parameters: zm.object({ a: zm.string(), b: zm.nullable(zm.number()) }),
    })
    const classic = zodResponsesFunction({
      name: 'f',
      parameters: z.object({ a: z.string(), b: z.number().nullable() }),
    })
    expect(mini.parameters).toEqual(classic.parameters)
    expect(mini.$parseRaw('{"a":"x","b":null}')).toEqual({ a: 'x', b: null })
  })

  it('parses and validates arguments with $parseRaw, applying the schema', () => {
    const tool = zodResponsesFunction({
      name: 'f',
      parameters: z.object({ city: z.string().trim() }),
    })
    expect(tool.$parseRaw('{"city":" Paris "}')).toEqual({ city: 'Paris' })
  })

  it('throws ResponseParseError for arguments that are not JSON, without quoting them', () => {
    const tool = zodResponsesFunction({ name: 'get_weather', parameters: z.object({ city: z.string() }) })
    const error = (() => {
      try {
        tool.$parseRaw('{"city": "secret')
      } catch (e) {
        return e as ResponseParseError
      }
    })()
    expect(error).toBeInstanceOf(ResponseParseError)
    expect(error).toBeInstanceOf(OpenAIError)
    expect(error?.message).toBe('The arguments of the get_weather call are not valid JSON.')
    expect(error?.cause).toBeInstanceOf(SyntaxError)
  })

  it('throws ResponseParseError with the issues for arguments that do not match', () => {
    const tool = zodResponsesFunction({ name: 'get_weather', parameters: z.object({ city: z.string() }) })
    const error = (() => {
      try {
        tool.$parseRaw('{"city": 1}')
      } catch (e) {
        return e as ResponseParseError & { cause: { issues: { path: string[] }[] } }
      }
    })()
    expect(error).toBeInstanceOf(ResponseParseError)
    expect(error?.message).toBe(
      'The arguments of the get_weather call do not match its parameters schema; see `cause` for the issues.',
    )
    expect(error?.cause.issues.map((i) => i.path.join('.'))).toEqual(['city'])
  })

  it('refuses parameters strict mode cannot express, saying what to change', () => {
    expect(() =>
      zodResponsesFunction({ name: 'f', parameters: z.object({ a: z.string().optional() }) }),
    ).toThrow(
      'Strict structured outputs need every property, but #/properties/a is optional. Use .nullable() instead of .optional().',
    )
    expect(() => zodResponsesFunction({ name: 'f', parameters: z.string() })).toThrow(
      'zodResponsesFunction needs an object schema for the f parameters (strict function tools), got string. Wrap it: z.object({ value: schema }).',
    )
  })
})
