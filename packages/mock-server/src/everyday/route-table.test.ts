import { describe, expect, it } from 'vitest'
import { OPERATIONS, SCHEMAS } from './route-table'

/** The keywords `scripts/generate-mock-routes.mjs` keeps: structure, never prose. */
const STRUCTURE = new Set([
  'type',
  '$ref',
  'const',
  'enum',
  'nullable',
  'required',
  'properties',
  'items',
  'anyOf',
  'oneOf',
  'allOf',
  'additionalProperties',
  'any',
])

function keywords(node: unknown, into: Set<string>, underProperties = false): Set<string> {
  if (Array.isArray(node)) for (const n of node) keywords(n, into)
  else if (node && typeof node === 'object')
    for (const [key, value] of Object.entries(node)) {
      // Property names are data, not keywords; enum and const values are data too.
      if (!underProperties) into.add(key)
      if (key === 'enum' || key === 'const') continue
      keywords(value, into, key === 'properties' && !underProperties)
    }
  return into
}

describe('the generated route table', () => {
  it('keeps structure only: no descriptions, titles or examples', () => {
    const found = [...keywords(Object.values(SCHEMAS), new Set())]
    expect(found.filter((k) => !STRUCTURE.has(k))).toEqual([])
    expect(found).toEqual(expect.arrayContaining(['properties', 'required', 'anyOf', '$ref']))
  })

  it('resolves every $ref and names a schema for every JSON operation', () => {
    const refs = [...JSON.stringify(SCHEMAS).matchAll(/"\$ref":"#\/schemas\/([^"]+)"/g)].map((m) => m[1])
    expect(refs.filter((name) => !SCHEMAS[name])).toEqual([])
    const json = OPERATIONS.filter((op) => op.contentType === 'application/json')
    expect(json.filter((op) => !op.response || !SCHEMAS[op.response])).toEqual([])
    expect(json.length).toBeGreaterThan(70)
  })
})
