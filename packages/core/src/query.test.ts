import { describe, expect, it } from 'vitest'
import { stringifyQuery } from './query'

describe('stringifyQuery', () => {
  it('matches the official vectors', () => {
    expect(stringifyQuery({ a: '1', b: 2, c: true })).toBe('a=1&b=2&c=true')
    expect(stringifyQuery({ a: null, b: false, c: undefined })).toBe('a=&b=false')
    expect(stringifyQuery({ 'a/b': 1.28341 })).toBe('a%2Fb=1.28341')
    expect(stringifyQuery({ 'a/b': 'c/d', 'e=f': 'g&h' })).toBe('a%2Fb=c%2Fd&e%3Df=g%26h')
  })

  it('uses brackets for arrays and nested objects', () => {
    expect(
      stringifyQuery({
        a: [1, 2],
        b: { c: 'd e', f: [{ g: 1 }] },
        n: null,
        u: undefined,
        t: true,
        d: new Date(0),
        s: 'a/b?&=#',
      }),
    ).toBe(
      'a%5B%5D=1&a%5B%5D=2&b%5Bc%5D=d%20e&b%5Bf%5D%5B%5D%5Bg%5D=1&n=&t=true&d=1970-01-01T00%3A00%3A00.000Z&s=a%2Fb%3F%26%3D%23',
    )
  })

  it('drops empty arrays and objects', () => {
    expect(stringifyQuery({ a: [], b: {}, c: 'x' })).toBe('c=x')
  })

  it('serialises own properties only: a polluted Object.prototype never reaches the URL', () => {
    const proto = Object.prototype as any
    proto.polluted = 'yes'
    try {
      expect(stringifyQuery({ a: 1, nested: { b: 2 } })).toBe('a=1&nested%5Bb%5D=2')
    } finally {
      delete proto.polluted
    }
  })
})
