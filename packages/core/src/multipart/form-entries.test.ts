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

describe('formEntries field order (as openai-node sends it)', () => {
  test('arrays follow the other fields, unless a stream is in the body, which keeps key order', async () => {
    const blob = new Blob(['x'])
    const names = (params: Record<string, unknown>) => formEntries(params).map(([name]) => name)
    expect(names({ image: [blob, blob], prompt: 'p', include: ['logprobs'], mask: blob })).toEqual([
      'prompt',
      'mask',
      'image[]',
      'image[]',
      'include[]',
    ])
    const { toFile } = await import('./to-file')
    const streamed = await toFile(new ReadableStream(), 'a.wav')
    expect(names({ include: ['logprobs'], file: streamed, model: 'm' })).toEqual([
      'include[]',
      'file',
      'model',
    ])
  })
})
