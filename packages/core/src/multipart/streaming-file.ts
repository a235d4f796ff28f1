import { InvalidUploadError } from './errors'
import type { StreamingFile } from './types'
import { STREAMING_FILE } from './uploadable'

/** What a `StreamingFile` is made of. */
export interface StreamingFileInit {
  name: string
  type: string
  size: number | undefined
  /** Now when not given. */
  lastModified?: number | undefined
  /** Opens the bytes; called at most once unless `reusable`. */
  open: () => ReadableStream<Uint8Array>
  /** The source can be opened again (e.g. a Blob's bytes). */
  reusable?: boolean
}

/** Makes a `StreamingFile`: metadata now, bytes on demand. */
// @__NO_SIDE_EFFECTS__
export function makeStreamingFile({ open, reusable, ...meta }: StreamingFileInit): StreamingFile {
  let opened = false
  // The mark is not enumerable: spreading a file copies its metadata only.
  return Object.defineProperty(
    {
      ...meta,
      lastModified: meta.lastModified ?? Date.now(),
      stream(): ReadableStream<Uint8Array> {
        if (opened && !reusable)
          throw new InvalidUploadError(
            `The stream of '${meta.name}' was already read, and a stream can be sent once. Make a new stream for ` +
              'each upload, or pass a Blob/File (or a path through @acme/openai-files/node), which can be re-read.',
            'file',
          )
        opened = true
        return open()
      },
    },
    STREAMING_FILE,
    { value: true },
  )
}

/**
 * The same file, but its stream errors with `makeError(bytesSoFar)` as soon as it yields more than `limit` bytes:
 * for streams whose length is only known once read.
 */
// @__NO_SIDE_EFFECTS__
export function capStreamingFile(file: StreamingFile, limit: number, makeError: (bytes: number) => Error) {
  let seen = 0
  return makeStreamingFile({
    ...file,
    open: () =>
      file.stream().pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            seen += chunk.byteLength
            if (seen > limit) controller.error(makeError(seen))
            else controller.enqueue(chunk)
          },
        }),
      ),
  })
}
