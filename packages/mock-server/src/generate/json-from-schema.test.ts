import { describe, expect, it } from 'vitest'
import { jsonFromSchema } from './json-from-schema'

describe('jsonFromSchema', () => {
  it('fills required properties only, by type', () => {
    expect(
      jsonFromSchema({
        type: 'object',
        properties: {
          title: { type: 'string' },
          city: { type: 'string' },
          count: { type: 'integer' },
          score: { type: 'number' },
          done: { type: 'boolean' },
          tags: { type: 'array', items: { type: 'string' } },
          optional: { type: 'string' },
          nested: { type: 'object', properties: { x: { type: ['number', 'null'] } }, required: ['x'] },
        },
        required: ['title', 'city', 'count', 'score', 'done', 'tags', 'nested'],
      }),
    ).toEqual({ title: 'example', city: 'Paris', count: 1, score: 1, done: true, tags: [], nested: { x: 1 } })
  })

  it('uses enum, const, the first non-null anyOf branch and local $refs', () => {
    expect(
      jsonFromSchema({
        type: 'object',
        $defs: { Unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
        properties: {
          unit: { $ref: '#/$defs/Unit' },
          kind: { const: 'fixed' },
          maybe: { anyOf: [{ type: 'null' }, { type: 'boolean' }] },
        },
        required: ['unit', 'kind', 'maybe'],
      }),
    ).toEqual({ unit: 'celsius', kind: 'fixed', maybe: true })
  })

  it('stops on recursive schemas and tolerates junk', () => {
    const recursive = { type: 'object', properties: { self: { $ref: '#' } }, required: ['self'] }
    let depth = 0
    let node = jsonFromSchema(recursive) as Record<string, unknown> | null
    while (node && depth < 100) {
      node = node.self as Record<string, unknown> | null
      depth++
    }
    expect(depth).toBeLessThan(20)
    expect(jsonFromSchema(null)).toBeNull()
    expect(jsonFromSchema({})).toBeNull()
    expect(jsonFromSchema({ $ref: 'http://elsewhere' })).toBeNull()
  })
})
