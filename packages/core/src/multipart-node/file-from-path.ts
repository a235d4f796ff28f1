import { openAsBlob, statSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { fileURLToPath } from 'node:url'
import { InvalidUploadError } from '../multipart/errors'

/** Overrides for `fileFromPath()`. */
export interface FileFromPathOptions {
  /** Defaults to the path's basename. */
  name?: string
  /** MIME type; defaults to `''` (sent as `application/octet-stream`), as openai-node does for paths. */
  type?: string
}

/**
 * A `File` backed by a file on disk: `size`, `name` and `lastModified` come from the file system, the bytes are
 * read only while they are sent (and again on a retry, or slice by slice by `uploadLargeFile`), so even an 8 GB
 * file costs no memory. A missing or unreadable file gives `InvalidUploadError`.
 *
 * @example const file = await fileFromPath('./input.jsonl')
 */
export async function fileFromPath(path: string | URL, options: FileFromPathOptions = {}): Promise<File> {
  const filePath = typeof path === 'string' ? path : fileURLToPath(path)
  try {
    const info = await stat(filePath)
    if (!info.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'EISDIR' })
    const blob = await openAsBlob(filePath, { type: options.type ?? '' })
    return new File([blob], options.name ?? basename(filePath), {
      type: blob.type,
      lastModified: info.mtimeMs,
    })
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException)?.code
    throw new InvalidUploadError(
      `Cannot read the file '${filePath}' (${code ?? (cause as Error)?.message}): check the path, relative to ` +
        `${process.cwd()}.`,
      'file',
      { cause },
    )
  }
}

/** The byte count an `fs.ReadStream` will produce (its `start`/`end` range of the file), or `undefined`. */
export function readStreamSize(stream: {
  path: string | Buffer
  start?: number
  end?: number
  bytesRead?: number
}): number | undefined {
  try {
    const fileSize = statSync(stream.path).size
    const start = stream.start ?? 0
    const end = Math.min(stream.end ?? Number.POSITIVE_INFINITY, fileSize - 1)
    return Math.max(0, end - start + 1 - (stream.bytesRead ?? 0))
  } catch {
    return undefined
  }
}
