import { InvalidUploadError } from './errors'
import { isArrayBuffer, isBlobLike, isReadableStream } from './input-kinds'
import type { ByteChunk, ByteStream } from './types'

/** The bytes of one chunk: text as UTF-8, views without copying, Blobs read (chunks of a stream are small). */
export async function chunkBytes(chunk: ByteChunk): Promise<Uint8Array> {
  if (chunk instanceof Uint8Array) return chunk
  if (typeof chunk === 'string') return new TextEncoder().encode(chunk)
  if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)
  if (isArrayBuffer(chunk)) return new Uint8Array(chunk)
  if (isBlobLike(chunk)) return new Uint8Array(await chunk.arrayBuffer())
  throw new InvalidUploadError(
    `A file stream produced a chunk that is not bytes (${typeof chunk}); streams must yield Uint8Array, ` +
      'ArrayBuffer, Blob or string chunks.',
    'file',
  )
}

function iteratorOf(source: ByteStream): AsyncIterator<ByteChunk> {
  if (!isReadableStream(source)) return (source as AsyncIterable<ByteChunk>)[Symbol.asyncIterator]()
  // A reader loop rather than `for await`: not every browser makes ReadableStream async-iterable.
  const reader = source.getReader()
  return {
    next: () => reader.read() as Promise<IteratorResult<ByteChunk>>,
    async return(reason?: unknown) {
      await reader.cancel(reason)
      return { done: true, value: undefined }
    },
  }
}

/**
 * A pull-based `ReadableStream` of `Uint8Array` over any byte stream: nothing is read ahead of the consumer,
 * so sending a 1 GB stream holds one chunk at a time, and cancelling it cancels the source.
 */
// @__NO_SIDE_EFFECTS__
export function byteStream(source: ByteStream): ReadableStream<Uint8Array> {
  let iterator: AsyncIterator<ByteChunk> | undefined
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        iterator ??= iteratorOf(source)
        for (;;) {
          const { done, value } = await iterator.next()
          if (done) return controller.close()
          const bytes = await chunkBytes(value)
          if (bytes.byteLength) return controller.enqueue(bytes)
        }
      },
      async cancel(reason) {
        await (iterator ?? iteratorOf(source)).return?.(reason)
      },
    },
    { highWaterMark: 0 },
  )
}
