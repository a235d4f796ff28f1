import { describe, expect, test } from 'vitest'
import { InvalidUploadError } from './errors'
import { formEntries } from './form-entries'

describe('formEntries', () => {
  test('flattens like openai-node: scalars as text, key[] arrays, key[prop] objects, undefined skipped', () => {
    const file = new File(['x'], 'x.txt')
    expect(
      formEntries({
        file,
        purpose: 'batch',
        n: 3,
        ok: false,
        skip: undefined,
        expires_after: { anchor: 'created_at', seconds: 3600, none: undefined },
        tags: ['a', { b: 1 }],
      }),
    ).toEqual([
      ['file', file],
      ['purpose', 'batch'],
      ['n', '3'],
      ['ok', 'false'],
      ['expires_after[anchor]', 'created_at'],
      ['expires_after[seconds]', '3600'],
      ['tags[]', 'a'],
      ['tags[][b]', '1'],
    ])
  })

  test('null is refused with the field named', () => {
    const error = (() => {
      try {
        formEntries({ purpose: null })
      } catch (e) {
        return e as InvalidUploadError
      }
    })()!
    expect(error).toBeInstanceOf(InvalidUploadError)
    expect([error.param, error.message]).toEqual([
      'purpose',
      `"purpose" is null: leave it out, or send the string 'null'.`,
    ])
  })
})
