import { ReadStream } from 'node:fs'
import { toFile as toFileAnywhere } from '../multipart/to-file'
import type { FileLike, ToFileOptions, Uploadable } from '../multipart/types'
import { fileFromPath, readStreamSize } from './file-from-path'

/** What the Node entry accepts as a file: everything the main entry does, plus a path string or `file:` URL. */
export type NodeUploadable = Uploadable | string | URL

/**
 * `toFile()` for Node: a path string or `file:` URL becomes a lazily read `File` (see `fileFromPath`), an
 * `fs.ReadStream` becomes a `StreamingFile` named after its path and sized from the file (so `uploadLargeFile`
 * takes it); anything else as the main entry's `toFile()`.
 *
 * @example const file = await toFile('./input.jsonl')
 */
export async function toFile(
  value: NodeUploadable | PromiseLike<NodeUploadable>,
  name?: string | null,
  options: ToFileOptions = {},
): Promise<FileLike> {
  const resolved = await value
  if (typeof resolved === 'string' || resolved instanceof URL)
    return fileFromPath(resolved, { name: name ?? undefined, type: options.type })
  if (resolved instanceof ReadStream && options.size === undefined)
    return toFileAnywhere(resolved, name, { ...options, size: readStreamSize(resolved) })
  return toFileAnywhere(resolved, name, options)
}
