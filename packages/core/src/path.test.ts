import { runInNewContext } from 'node:vm'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { path } from './path'

describe('path', () => {
  it('percent-encodes values but keeps : and @', () => {
    expect(path`/files/${'a/b?c#d e'}/content`).toBe('/files/a%2Fb%3Fc%23d%20e/content')
    expect(path`/x/${'user@host:1'}`).toBe('/x/user@host:1')
    expect(path`/x/${'å😃'}`).toBe(`/x/${encodeURIComponent('å😃')}`)
  })

  it('accepts numbers, empty strings, boxed values and custom toString', () => {
    expect(path`/a/${0}/${''}/${new String('s')}/${{ toString: () => 'custom' }}`).toBe('/a/0//s/custom')
  })

  it('refuses . and .. segments with an underlined message', () => {
    expect(() => path`/files/${'..'}`).toThrow(
      'Path parameters result in path with invalid segments:\nValue ".." can\'t be safely passed as a path parameter\n/files/..\n       ^^',
    )
    expect(() => path`/files/${'.'}/content`).toThrow(/Value "\." can't be safely/)
    expect(() => path`/a/${'x'}/..`).toThrow(/invalid segments/)
  })

  it('refuses null, undefined and plain objects, naming their type', () => {
    expect(() => path`/a/${null}/b/${undefined}`).toThrow(
      'Path parameters result in path with invalid segments:\n' +
        'Value of type Null is not a valid path parameter\n' +
        'Value of type Undefined is not a valid path parameter\n' +
        '/a/null/b/undefined\n' +
        '   ^^^^   ^^^^^^^^^',
    )
    expect(() => path`/a/${{}}`).toThrow('Value of type Object is not a valid path parameter')
    expect(() => path`/a/${Math}`).toThrow('Value of type Math is not a valid path parameter')
  })

  it('is safe for encoded dots: a value "%2e" is encoded, not decoded', () => {
    expect(path`/a/${'%2e%2e'}`).toBe('/a/%252e%252e')
  })

  it('after a literal ? later values are fully encoded', () => {
    expect(path`/a?x=${'b:c'}`).toBe('/a?x=b%3Ac')
  })

  it('never lets a value escape its segment (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        if (value === '.' || value === '..') return
        const out = path`/files/${value}/content`
        expect(out.split('/').length).toBe(4)
        expect(decodeURIComponent(out.slice('/files/'.length, -'/content'.length))).toBe(value)
      }),
      { numRuns: 500 },
    )
  })

  it('refuses an object from another realm with the same error as one from this realm', () => {
    const foreign = runInNewContext('({ id: 1 })')
    const foreignMath = runInNewContext('Math')
    expect(() => path`/a/${foreign}`).toThrow('Value of type Object is not a valid path parameter')
    expect(() => path`/a/${foreignMath}`).toThrow('Value of type Math is not a valid path parameter')
    expect(() => path`/a/${Object.create(null)}`).toThrow(
      'Value of type Object is not a valid path parameter',
    )
    expect(() => path`/a/${Symbol('s')}`).toThrow('Value of type Symbol is not a valid path parameter')
    expect(() => path`/a/${() => 1}`).toThrow('Value of type Function is not a valid path parameter')
  })
})
