import { describe, expect, it } from 'vitest'
import { encodeBody } from './body'

async function read(body: BodyInit | undefined): Promise<string> {
  return new Response(body).text()
}

describe('encodeBody', () => {
  it('streams a synchronous iterable of bytes (a generator, a Set), never sends it as {}', async () => {
    function* chunks() {
      yield new TextEncoder().encode('hello ')
      yield 'world'
    }
    const fromGenerator = encodeBody(chunks(), undefined)
    expect(fromGenerator.oneShot).toBe(true)
    expect(fromGenerator.body).toBeInstanceOf(ReadableStream)
    expect(await read(fromGenerator.body)).toBe('hello world')
    const fromSet = encodeBody(new Set([new Uint8Array([104, 105])]), undefined)
    expect(await read(fromSet.body)).toBe('hi')
  })

  it('still sends arrays and plain objects as JSON', async () => {
    expect(encodeBody([1, 2], undefined)).toEqual({
      body: '[1,2]',
      contentType: 'application/json',
      oneShot: false,
    })
    expect(encodeBody({ a: 1 }, undefined).body).toBe('{"a":1}')
  })

  it('streams an async iterable as before', async () => {
    async function* chunks() {
      yield 'a'
      yield 'b'
    }
    expect(await read(encodeBody(chunks(), undefined).body)).toBe('ab')
  })
})
