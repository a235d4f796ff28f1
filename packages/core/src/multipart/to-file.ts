import type { BinaryData, FileLike, ToFileOptions, Uploadable } from './types'

/**
 * Normalises anything uploadable into a named file: a native `File` for data already in memory (a `File` that
 * needs no change is returned as it is), a `StreamingFile` for streams and `Response` bodies, which are never read
 * into memory. The name comes from `name`, else the input (`name`, `filename`, `url` or `path`), else
 * `unknown_file` for bytes; a stream with no name is refused. Throws `InvalidUploadError` for an input it cannot
 * use (a plain object, `null`, a bare string: for text use `['notes.txt', text]`).
 *
 * @example const file = await toFile(new Uint8Array([1, 2, 3]), 'data.bin', { type: 'application/octet-stream' })
 */
export async function toFile(
  value: File | Blob | BinaryData | PromiseLike<File | Blob | BinaryData>,
  name?: string | null,
  options?: ToFileOptions,
): Promise<File>
export async function toFile(
  value: Uploadable | PromiseLike<Uploadable>,
  name?: string | null,
  options?: ToFileOptions,
): Promise<FileLike>
export async function toFile(
  value: Uploadable | PromiseLike<Uploadable>,
  name?: string | null,
  options: ToFileOptions = {},
): Promise<FileLike> {
  // The conversions load on first use (an app that only uploads Files and Blobs never downloads them), in the one
  // chunk of upload code `sendMultipart` loads too: a file made here is mostly sent next.
  const { normalizeFile } = await import('./streaming-upload')
  return normalizeFile(await value, name ?? undefined, options)
}
