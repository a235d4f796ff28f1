import type { StreamingFile } from '@acme/openai-core/multipart'
import { toFile } from '@acme/openai-core/multipart'
import { describe, expect, test } from 'vitest'
import { blobParts, streamParts } from './part-reader'

const streamOf = (chunks: string[], size?: number) => {
  async function* gen() {
    yield* chunks
  }
  return toFile(gen(), 's.txt', { size }) as Promise<StreamingFile>
}

describe('part readers', () => {
  test('blobParts slices without copying', async () => {
    const parts = blobParts(new Blob(['abcdefg']), 3)
    expect(await Promise.all([0, 1, 2].map(async (i) => (await parts.read(i)).text()))).toEqual([
      'abc',
      'def',
      'g',
    ])
  })

  test('streamParts cuts a stream in order, whatever its chunking', async () => {
    const parts = streamParts(await streamOf(['a', 'bcdef', 'g']), 7, 3)
    const reads = [parts.read(0), parts.read(1), parts.read(2)]
    expect(await Promise.all(reads.map(async (p) => (await p).text()))).toEqual(['abc', 'def', 'g'])
  })

  test('a stream shorter or longer than its declared size is an error', async () => {
    const short = streamParts(await streamOf(['abc']), 5, 5)
    await expect(short.read(0)).rejects.toThrow(
      "The stream of 's.txt' ended after 3 bytes, but its size was given as 5 bytes. Pass the exact size.",
    )
    const long = streamParts(await streamOf(['abcdef']), 5, 5)
    await expect(long.read(0)).rejects.toThrow("The stream of 's.txt' holds more bytes")
  })
})
