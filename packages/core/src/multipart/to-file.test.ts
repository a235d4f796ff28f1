import { describe, expect, expectTypeOf, test } from 'vitest'
import { InvalidUploadError } from './errors'
import { toFile } from './to-file'
import type { FileLike, StreamingFile } from './types'
import { isStreamingFile } from './uploadable'

const text = (file: FileLike) => new Response(file.stream()).text()

describe('toFile: data in memory becomes a native File', () => {
  test('a File needing no change is returned as it is; a rename keeps its type and date', async () => {
    const file = new File(['abc'], 'a.txt', { type: 'text/plain', lastModified: 1000 })
    expect(await toFile(file)).toBe(file)
    expect(await toFile(file, 'a.txt', { type: 'text/plain' })).toBe(file)
    const renamed = await toFile(file, 'b.txt')
    expect(renamed).not.toBe(file)
    expect([renamed.name, renamed.type, renamed.lastModified, await renamed.text()]).toEqual([
      'b.txt',
      'text/plain',
      1000,
      'abc',
    ])
    expect((await toFile(file, undefined, { type: '' })).type).toBe('')
  })

  test('bytes, ArrayBuffers and views: unknown_file unless named, no type unless given', async () => {
    const bytes = new Uint8Array([104, 105])
    const cases = [bytes, bytes.buffer, new DataView(bytes.buffer), new Uint16Array(bytes.buffer)]
    for (const value of cases) {
      const file = await toFile(value)
      expect(file).toBeInstanceOf(File)
      expect([file.name, file.type, await file.text()]).toEqual(['unknown_file', '', 'hi'])
    }
    const named = await toFile(bytes, 'hi.bin', { type: 'application/octet-stream', lastModified: 5 })
    expect([named.name, named.type, named.lastModified]).toEqual(['hi.bin', 'application/octet-stream', 5])
  })

  test('a Blob keeps its type; a Blob-like from another implementation is streamed', async () => {
    const file = await toFile(new Blob(['{}'], { type: 'application/json' }), 'x.json')
    expect([file.name, file.type, await file.text()]).toEqual(['x.json', 'application/json', '{}'])
    expect((await toFile(new Blob(['x']))).name).toBe('unknown_file')
    const real = new Blob(['foreign'], { type: 'text/plain' })
    const foreign = {
      size: real.size,
      type: real.type,
      name: 'dir/f.txt',
      slice: real.slice.bind(real),
      arrayBuffer: real.arrayBuffer.bind(real),
      stream: real.stream.bind(real),
    }
    const made = await toFile(foreign as unknown as Blob)
    expect(isStreamingFile(made)).toBe(true)
    expect([made.name, made.type, made.size, await text(made)]).toEqual(['f.txt', 'text/plain', 7, 'foreign'])
  })

  test('a promise is awaited', async () => {
    expect((await toFile(Promise.resolve(new Uint8Array([1])), 'p.bin')).name).toBe('p.bin')
  })
})

describe('toFile: streams stay streams', () => {
  test('a ReadableStream or async iterable needs a name and is read only when sent, once', async () => {
    let pulled = 0
    const stream = new ReadableStream<Uint8Array>(
      {
        pull(c) {
          pulled++
          c.enqueue(new TextEncoder().encode('streamed'))
          c.close()
        },
      },
      { highWaterMark: 0 },
    )
    const file = await toFile(stream, 'dir\\s.txt', { type: 'text/plain', size: 8 })
    expect(isStreamingFile(file)).toBe(true)
    // An explicit name is kept whole; the multipart encoder sends only its last segment.
    expect([file.name, file.type, file.size, pulled]).toEqual(['dir\\s.txt', 'text/plain', 8, 0])
    expect(await text(file)).toBe('streamed')
    expect(() => file.stream()).toThrow(InvalidUploadError)
    expect(() => file.stream()).toThrow(/was already read, and a stream can be sent once/)

    async function* chunks() {
      yield 'a'
      yield new Uint8Array([98])
      yield new Uint16Array([0x6463]).buffer
      yield new Blob(['e'])
    }
    const iterated = await toFile(chunks(), 'mixed.txt')
    expect([iterated.size, iterated.type, await text(iterated)]).toEqual([undefined, '', 'abcde'])
  })

  test('a stream names itself through name, filename, path or url', async () => {
    const withProp = (prop: string, value: string) =>
      Object.assign(new Blob(['x']).stream(), { [prop]: value }) as ReadableStream<Uint8Array>
    expect((await toFile(withProp('path', '/tmp/data/in.jsonl'))).name).toBe('in.jsonl')
    expect((await toFile(withProp('filename', 'f.txt'))).name).toBe('f.txt')
    expect((await toFile(withProp('url', 'https://x.test/a/b%20c.txt?q=1'))).name).toBe('b c.txt')
  })

  test('a stream without a name is refused with a typed error saying how to name it', async () => {
    const error = await toFile(new Blob(['x']).stream()).catch((e) => e)
    expect(error).toBeInstanceOf(InvalidUploadError)
    expect(error.param).toBe('file')
    expect(error.message).toBe(
      "This ReadableStream has no file name. Name it: pass ['data.jsonl', stream] or await toFile(stream, 'data.jsonl') as the file.",
    )
    async function* nameless() {
      yield 'x'
    }
    await expect(toFile(nameless())).rejects.toThrow('This async iterable has no file name.')
  })

  test('a size option must be a whole number of bytes', async () => {
    await expect(toFile(new Uint8Array(1), 'x', { size: -1 })).rejects.toThrow(
      'size must be a whole number of bytes >= 0, got -1',
    )
  })
})

describe('toFile: Responses', () => {
  test('name from the URL, type from content-type, size from content-length, body streamed', async () => {
    const response = new Response('{"a":1}', {
      headers: { 'content-type': 'application/json', 'content-length': '7' },
    })
    Object.defineProperty(response, 'url', { value: 'https://x.test/files/data%20set.json' })
    const file = await toFile(response)
    expect(isStreamingFile(file)).toBe(true)
    expect([file.name, file.type, file.size, await text(file)]).toEqual([
      'data set.json',
      'application/json',
      7,
      '{"a":1}',
    ])
    expect((await toFile(new Response('x'))).name).toBe('unknown_file')
    expect((await toFile(new Response('x'), 'r.txt', { type: '' })).type).toBe('')
  })

  test('an error response is refused rather than uploaded', async () => {
    await expect(toFile(new Response('Not Found', { status: 404 }))).rejects.toThrow(
      'The Response to upload has status 404: it is an error page, not the file.',
    )
  })
})

describe('toFile: tuples and bad inputs', () => {
  test('[filename, contents, mimeType] names anything, text included', async () => {
    const file = await toFile(['notes.txt', 'hello', 'text/plain'])
    expect([file.name, file.type, await text(file)]).toEqual(['notes.txt', 'text/plain', 'hello'])
    const streamed = await toFile(['s.bin', new Blob(['s']).stream()])
    expect([streamed.name, streamed.type, await text(streamed)]).toEqual(['s.bin', '', 's'])
  })

  test('plain objects, null and bare strings give InvalidUploadError', async () => {
    const plain = await toFile({ foo: 1 } as any).catch((e) => e)
    expect(plain).toBeInstanceOf(InvalidUploadError)
    expect(plain.message).toBe(
      'Cannot upload this value (object; constructor: Object; props: ["foo"]). Pass a File, Blob, Uint8Array, ' +
        'ArrayBuffer, Response, a ReadableStream or async iterable of bytes with a file name, or a [filename, ' +
        'contents, mimeType] tuple.',
    )
    class Thing {
      x = 1
    }
    await expect(toFile(new Thing() as any)).rejects.toThrow('(object; constructor: Thing; props: ["x"])')
    await expect(toFile(null as any)).rejects.toThrow('No file given (got null).')
    await expect(toFile('./input.jsonl' as any)).rejects.toThrow(
      "A string is not a file here. For text contents pass a tuple such as ['notes.txt', text]",
    )
  })

  test('types: buffered inputs give File, streams give FileLike', () => {
    expectTypeOf(toFile(new Uint8Array(1))).resolves.toEqualTypeOf<File>()
    expectTypeOf(toFile(new Blob([]))).resolves.toEqualTypeOf<File>()
    expectTypeOf(toFile(new Blob([]).stream(), 'x')).resolves.toEqualTypeOf<File | StreamingFile>()
  })
})

describe('toFile keeps what the input says about itself', () => {
  test("a Blob or File's lastModified is kept, even for a File that is not this realm's File", async () => {
    const file = new File(['abc'], 'a.txt', { lastModified: 1234 })
    expect((await toFile(file, 'b.txt')).lastModified).toBe(1234)
    expect((await toFile(['c.txt', file])).lastModified).toBe(1234)
    const foreign = Object.assign(new Blob(['abc'], { type: 'text/plain' }), {
      name: 'd.txt',
      lastModified: 99,
    })
    const kept = await toFile(foreign)
    expect([kept.name, kept.type, kept.lastModified]).toEqual(['d.txt', 'text/plain', 99])
    expect((await toFile(foreign, 'e.txt', { lastModified: 7 })).lastModified).toBe(7)
  })

  test('an async iterable of Blobs gives the type of its first Blob when none is given', async () => {
    async function* parts() {
      yield new Blob(['{"a":1}\n'], { type: 'application/jsonl' })
      yield new Blob(['{"b":2}\n'])
    }
    const file = await toFile(parts(), 'x.jsonl')
    expect(file.type).toBe('application/jsonl')
    expect(await new Response(file.stream()).text()).toBe('{"a":1}\n{"b":2}\n')
    expect((await toFile(parts(), 'y.jsonl', { type: 'text/plain' })).type).toBe('text/plain')
    async function* bytes() {
      yield new Uint8Array([1, 2])
    }
    const plain = await toFile(bytes(), 'z.bin')
    expect(plain.type).toBe('')
    expect(new Uint8Array(await new Response(plain.stream()).arrayBuffer())).toEqual(new Uint8Array([1, 2]))
    async function* empty() {}
    expect(await new Response((await toFile(empty(), 'e.bin')).stream()).text()).toBe('')
  })
})
