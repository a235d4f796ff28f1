import { describe, expect, test } from 'vitest'
import { byteStream } from './byte-stream'
import { InvalidUploadError } from './errors'
import { capStreamingFile, makeStreamingFile } from './streaming-file'
import { isStreamingFile } from './uploadable'

async function* asyncOf(items: unknown[]): AsyncGenerator<any> {
  yield* items
}

const fileOf = (chunks: string[]) =>
  makeStreamingFile({
    name: 'f.txt',
    type: 'text/plain',
    size: undefined,
    lastModified: 1,
    open: () => byteStream(asyncOf(chunks)),
  })

describe('capStreamingFile', () => {
  test('passes a stream within the limit and errors as soon as it goes past it', async () => {
    const ok = capStreamingFile(fileOf(['abc', 'de']), 5, () => new Error('too big'))
    expect(isStreamingFile(ok)).toBe(true)
    expect(await new Response(ok.stream()).text()).toBe('abcde')
    let seen = 0
    const over = capStreamingFile(fileOf(['abc', 'def', 'never']), 5, (n) => {
      seen = n
      return new InvalidUploadError('too big', 'file')
    })
    await expect(new Response(over.stream()).text()).rejects.toThrow('too big')
    expect(seen).toBe(6)
  })
})

describe('byteStream', () => {
  test('turns every chunk kind into Uint8Array, skips empty chunks, and refuses other values', async () => {
    const chunks = ['a', '', new Uint8Array([98]), new Uint8Array([99]).buffer, new Blob(['d'])]
    const reader = byteStream(asyncOf(chunks)).getReader()
    const got: Uint8Array[] = []
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      got.push(value)
    }
    expect(got.every((c) => c instanceof Uint8Array && c.byteLength === 1)).toBe(true)
    await expect(new Response(byteStream(asyncOf([1]))).text()).rejects.toThrow(
      'A file stream produced a chunk that is not bytes (number)',
    )
  })

  test('cancelling it closes the source iterator', async () => {
    let closed = false
    async function* source() {
      try {
        for (;;) yield 'x'
      } finally {
        closed = true
      }
    }
    const reader = byteStream(source()).getReader()
    await reader.read()
    await reader.cancel()
    expect(closed).toBe(true)
  })
})
