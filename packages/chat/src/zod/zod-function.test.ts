import { zodFunction as officialZodFunction } from 'openai/helpers/zod'
import { expect, expectTypeOf, it } from 'vitest'
import * as z from 'zod'
import type { AutoParseableTool } from '../types/parsed-chat-completion'
import { zodFunction } from './zod-function'

const parameters = z.object({ city: z.string(), unit: z.enum(['c', 'f']).nullable() })

it('builds the same strict tool as the official helper, with a parser and the callback', () => {
  const lookUp = (args: { city: string; unit: 'c' | 'f' | null }) => `${args.city}:${args.unit}`
  const tool = zodFunction({ name: 'get_weather', parameters, description: 'Weather now', function: lookUp })
  const official = officialZodFunction({ name: 'get_weather', parameters, description: 'Weather now' })
  expect(JSON.parse(JSON.stringify(tool))).toEqual(JSON.parse(JSON.stringify(official)))
  expect(JSON.parse(JSON.stringify(tool)).function).toEqual({
    name: 'get_weather',
    strict: true,
    description: 'Weather now',
    parameters: {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      properties: {
        city: { type: 'string' },
        unit: { anyOf: [{ type: 'string', enum: ['c', 'f'] }, { type: 'null' }] },
      },
      required: ['city', 'unit'],
      additionalProperties: false,
    },
  })
  expect(tool.$brand).toBe('auto-parseable-tool')
  expect(tool.$callback).toBe(lookUp)
  expect(tool.$parseRaw('{"city":"Rome","unit":null}')).toEqual({ city: 'Rome', unit: null })
  expect(() => tool.$parseRaw('{"city":1,"unit":null}')).toThrow(/expected string/)
  expectTypeOf(tool).toEqualTypeOf<AutoParseableTool<{ city: string; unit: 'c' | 'f' | null }, string>>()
  expect(Object.keys(zodFunction({ name: 'n', parameters }).function)).toEqual([
    'name',
    'parameters',
    'strict',
  ])
})
